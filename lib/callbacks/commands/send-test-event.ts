import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { invalid, notFound } from "@/lib/core/errors";
import { dispatchAfterCommit } from "../engine/dispatch-deliveries";
import { emitEvent } from "./emit-event";

/** Sends a `webhook.test` event to one endpoint only (subscribed to it or not). The endpoint must be enabled. */
export async function sendTestEvent(
  { endpointId, now = new Date() }: { endpointId: string; now?: Date },
  ctx: CommandContext,
): Promise<{ eventId: string; deliveryId: string }> {
  ownTransactionOnly(ctx, "sendTestEvent");
  const { actor } = ctx;
  const result = await db.$transaction(async (tx) => {
    const endpoint = await tx.callbackEndpoint.findUnique({
      where: { id: endpointId },
      select: { id: true, name: true, enabled: true },
    });
    if (!endpoint) throw notFound("Endpoint");
    if (!endpoint.enabled)
      throw invalid("enabled", "The endpoint is disabled; enable it before sending a test event.");
    const emitted = await emitEvent(
      {
        id: `test_${randomUUID()}`,
        type: "webhook.test",
        timestamp: now.toISOString(),
        data: {
          endpointId,
          message: `Test event for "${endpoint.name}" from OrgBridge`,
          sentBy: actor.id,
          sentAt: now.toISOString(),
        },
        source: `console:test:${actor.id}`,
        onlyEndpointId: endpointId,
      },
      tx,
    );
    await recordAudit(tx, actor, {
      action: "endpoint.test_sent",
      targetType: "callback_endpoint",
      targetId: endpointId,
      after: { eventId: emitted.event.id },
    });
    return emitted;
  });
  await dispatchAfterCommit(result.tickets);
  return { eventId: result.event.id, deliveryId: result.tickets[0].deliveryId };
}
