import { inngest } from "@/inngest/client";
import { eventSchemas } from "@/inngest/events";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What starts one delivery run. `token` is the delivery's `nextAttemptAt` at dispatch: a run
 * acts only while the row still holds its token, so a newer dispatch (resend, replay,
 * re-enable, sweeper) supersedes an older run instead of racing it.
 */
export type DeliveryTicket = { deliveryId: string; endpointId: string; token: string };

type Tx = Pick<Prisma.TransactionClient, "callbackDelivery">;

/**
 * Gives each delivery a fresh token (its nextAttemptAt = now, strictly later than the old one)
 * and status PENDING. Call inside the transaction that decided to (re)start them; send the
 * tickets with `dispatchDeliveries` after it commits.
 */
export async function issueTickets(
  tx: Tx,
  deliveryIds: readonly string[],
  now = new Date(),
): Promise<DeliveryTicket[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await tx.callbackDelivery.findMany({
    where: { id: { in: [...deliveryIds] } },
    select: { id: true, endpointId: true, nextAttemptAt: true },
  });
  const tickets: DeliveryTicket[] = [];
  for (const row of rows) {
    const at = new Date(Math.max(now.getTime(), (row.nextAttemptAt?.getTime() ?? 0) + 1));
    await tx.callbackDelivery.update({
      where: { id: row.id },
      data: { status: "PENDING", nextAttemptAt: at, completedAt: null },
    });
    tickets.push({ deliveryId: row.id, endpointId: row.endpointId, token: at.toISOString() });
  }
  return tickets;
}

/** Starts delivery runs; the default sends Inngest events. */
export type DeliveryDispatcher = (tickets: readonly DeliveryTicket[]) => Promise<void>;

/** One Inngest event per ticket; the event id includes the token, so sending a ticket twice starts one run. */
const sendToInngest: DeliveryDispatcher = async (tickets) => {
  const schema = eventSchemas["callback/delivery.requested"];
  for (let i = 0; i < tickets.length; i += 500) {
    const batch = tickets.slice(i, i + 500).map((t) => ({
      id: `callback-delivery-${t.deliveryId}-${Date.parse(t.token)}`,
      name: "callback/delivery.requested" as const,
      data: schema.parse(t),
    }));
    await inngest.send(batch);
  }
};

let dispatcher: DeliveryDispatcher = sendToInngest;

/** Replace how runs are started (tests drive runDelivery in-process); null restores Inngest. */
export function setDeliveryDispatcher(next: DeliveryDispatcher | null): void {
  dispatcher = next ?? sendToInngest;
}

/** Starts one run per ticket. */
export async function dispatchDeliveries(tickets: readonly DeliveryTicket[]): Promise<void> {
  if (tickets.length > 0) await dispatcher(tickets);
}

/**
 * Starts runs after the transaction that ticketed them has committed; a failed send is logged,
 * not thrown: the rows are committed and the stalled-delivery sweeper starts them later.
 */
export async function dispatchAfterCommit(tickets: readonly DeliveryTicket[]): Promise<void> {
  try {
    await dispatchDeliveries(tickets);
  } catch (error) {
    console.error(
      `[callbacks] could not start ${tickets.length} deliveries now; the sweeper will`,
      error,
    );
  }
}

/**
 * Re-dispatches deliveries whose run is evidently gone: PENDING or RETRYING on an enabled
 * endpoint and overdue by `graceMs` (a lost send after commit, a parked delivery whose
 * re-enable dispatch failed). Run by a cron; safe to run anywhere, any time.
 */
export async function sweepStalledDeliveries(
  options: { graceMs?: number; limit?: number; now?: Date } = {},
): Promise<{ dispatched: number }> {
  const { graceMs = 10 * 60_000, limit = 1000, now = new Date() } = options;
  const overdue = new Date(now.getTime() - graceMs);
  const stalled = await db.callbackDelivery.findMany({
    where: {
      status: { in: ["PENDING", "RETRYING"] },
      endpoint: { enabled: true },
      OR: [{ nextAttemptAt: { lt: overdue } }, { nextAttemptAt: null, createdAt: { lt: overdue } }],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  const tickets = await db.$transaction((tx) =>
    issueTickets(
      tx,
      stalled.map((d) => d.id),
      now,
    ),
  );
  await dispatchDeliveries(tickets);
  return { dispatched: tickets.length };
}
