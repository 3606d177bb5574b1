import { inngest } from "../client";
import { eventSchemas } from "../events";
import { evaluateDeliveries } from "@/lib/notifications/engine/evaluate-deliveries";
import { failDueDeliveries } from "@/lib/notifications/engine/fail-due-deliveries";
import { failNotification } from "@/lib/notifications/engine/fail-notification";
import { emitDeliveredEvents } from "@/lib/notifications/engine/emit-delivered-events";
import { finishDispatch } from "@/lib/notifications/engine/finish-dispatch";
import { prepareDispatch } from "@/lib/notifications/engine/prepare-dispatch";
import { sendDueDeliveries } from "@/lib/notifications/engine/send-due-deliveries";

/** Sleep/evaluate rounds per run; a policy cannot defer one notification more often than this. */
const MAX_ROUNDS = 60;

/**
 * Dispatches one notification: create the deliveries, evaluate every recipient against the
 * category version's policy, send the "now" ones in platform-sized batches (one step per ~50
 * calls), then sleep until each deferral slot and re-evaluate those that came due. A send step
 * that keeps failing (IM outage) is retried by Inngest; after its last retry the waiting
 * deliveries are marked FAILED with the platform's error, and nothing unconfirmed is ever SENT.
 */
export const notificationDispatch = inngest.createFunction(
  {
    id: "notification-dispatch",
    name: "Notification dispatch",
    retries: 4,
    // Each run fans out to the IM platform; a few at once share its rate limit without starving sync.
    concurrency: { limit: 4 },
    triggers: [{ event: "notification/requested" }],
    onFailure: async ({ event, error, step }) => {
      const data = eventSchemas["notification/requested"].parse(event.data.event.data);
      await step.run("mark-notification-failed", () =>
        failNotification(data.notificationId, error.message),
      );
    },
  },
  async ({ event, step }) => {
    const { notificationId } = eventSchemas["notification/requested"].parse(event.data);
    const prepared = await step.run("prepare", () => prepareDispatch(notificationId));
    if (prepared.skip) return { notificationId, skipped: true };

    let dueAt: string | null = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const evaluated = await step.run(`evaluate-${round}`, () =>
        evaluateDeliveries({ notificationId, dueAt }),
      );
      for (let i = 0; evaluated.send > 0; i++) {
        try {
          const sent = await step.run(`send-${round}-${i}`, () =>
            sendDueDeliveries({ notificationId }),
          );
          if (!sent.remaining) break;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await step.run(`fail-${round}-${i}`, () =>
            failDueDeliveries(
              notificationId,
              `Not confirmed by the IM platform after retries: ${message}`,
            ),
          );
          break;
        }
      }
      // Subscribed systems hear about each confirmed delivery after every round, not only at the end.
      if (evaluated.send > 0)
        await step.run(`callbacks-${round}`, () => emitDeliveredEvents(notificationId));
      if (!evaluated.nextDueAt) break;
      dueAt = evaluated.nextDueAt;
      await step.sleepUntil(`wait-${round}`, dueAt);
    }
    const finished = await step.run("finish", () => finishDispatch(notificationId));
    return { notificationId, ...finished };
  },
);
