import { recordAudit } from "@/lib/core/audit/record-audit";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { invalid, notFound } from "@/lib/core/errors";
import { dispatchAfterCommit, issueTickets } from "../engine/dispatch-deliveries";

/** Most deliveries one replay restarts; replay again for the rest. */
export const REPLAY_LIMIT = 5000;

/**
 * Sends one finished delivery (succeeded or dead) again, with a fresh retry schedule; its
 * attempts continue the same log. A delivery still in progress cannot be resent.
 */
export async function resendDelivery(
  { deliveryId }: { deliveryId: string },
  ctx: CommandContext,
): Promise<{ deliveryId: string }> {
  ownTransactionOnly(ctx, "resendDelivery");
  const tickets = await db.$transaction(async (tx) => {
    const delivery = await tx.callbackDelivery.findUnique({
      where: { id: deliveryId },
      include: { endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw notFound("Delivery");
    if (delivery.status === "PENDING" || delivery.status === "RETRYING")
      throw invalid(
        "deliveryId",
        "This delivery is still in progress; wait for it to succeed or be dead-lettered.",
      );
    if (!delivery.endpoint.enabled)
      throw invalid("endpointId", "The endpoint is disabled; enable it before resending.");
    const issued = await issueTickets(tx, [deliveryId]);
    await recordAudit(tx, ctx.actor, {
      action: "delivery.resent",
      targetType: "callback_delivery",
      targetId: deliveryId,
      before: { status: delivery.status, attempts: delivery.attemptCount },
      after: { endpointId: delivery.endpointId, eventId: delivery.eventId },
    });
    return issued;
  });
  await dispatchAfterCommit(tickets);
  return { deliveryId };
}

/** Sends again every dead-lettered delivery of an endpoint created since `since` (oldest first). */
export async function replayFailedSince(
  { endpointId, since }: { endpointId: string; since: Date },
  ctx: CommandContext,
): Promise<{ count: number }> {
  ownTransactionOnly(ctx, "replayFailedSince");
  if (!(since instanceof Date) || Number.isNaN(since.getTime()))
    throw invalid("since", "since must be a valid date.");
  if (since.getTime() > Date.now()) throw invalid("since", "since must not be in the future.");
  const tickets = await db.$transaction(
    async (tx) => {
      const endpoint = await tx.callbackEndpoint.findUnique({
        where: { id: endpointId },
        select: { enabled: true },
      });
      if (!endpoint) throw notFound("Endpoint");
      if (!endpoint.enabled)
        throw invalid("endpointId", "The endpoint is disabled; enable it before replaying.");
      const dead = await tx.callbackDelivery.findMany({
        where: { endpointId, status: "DEAD", createdAt: { gte: since } },
        select: { id: true },
        orderBy: { createdAt: "asc" },
        take: REPLAY_LIMIT,
      });
      const issued = await issueTickets(
        tx,
        dead.map((d) => d.id),
      );
      await recordAudit(tx, ctx.actor, {
        action: "endpoint.replayed",
        targetType: "callback_endpoint",
        targetId: endpointId,
        after: { since, count: issued.length },
      });
      return issued;
    },
    { timeout: 60_000 },
  );
  await dispatchAfterCommit(tickets);
  return { count: tickets.length };
}
