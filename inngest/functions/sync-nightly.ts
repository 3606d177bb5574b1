import { inngest } from "../client";
import { listNightlySyncTargets } from "@/lib/sync-engine/list-nightly-sync-targets";

/** Nightly reconciliation (02:30 server time): a full sync of every enabled IM target against the first enabled HR source. */
export const hrNightlySync = inngest.createFunction(
  { id: "hr-nightly-sync", name: "Nightly HR → IM reconciliation", retries: 3, triggers: [{ cron: "30 2 * * *" }] },
  async ({ step }) => {
    const targets = await step.run("list-targets", () => listNightlySyncTargets());
    const { hrConnectionId } = targets;
    if (!hrConnectionId || targets.connectionIds.length === 0) return { requested: 0 };
    const day = await step.run("day", () => new Date().toISOString().slice(0, 10));
    await step.sendEvent(
      "request-syncs",
      targets.connectionIds.map((connectionId) => ({
        name: "hr/sync.requested",
        // One nightly sync per target per day, however often this step is retried.
        id: `nightly-sync-${day}-${connectionId}`,
        data: { connectionId, hrConnectionId, requestedBy: "cron" },
      })),
    );
    return { requested: targets.connectionIds.length };
  },
);
