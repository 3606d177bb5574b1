import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { msOf, tsParam } from "./sql-time";

/**
 * A delivery (re)started: `token` is the nextAttemptAt it was issued with. The delivery worker
 * does not need it (it claims whatever is due); callers that drive one delivery themselves
 * (`attemptDelivery`) present it, and a newer ticket makes an older one stale.
 */
export type DeliveryTicket = { deliveryId: string; endpointId: string; token: string };

/** The PostgreSQL channel delivery workers LISTEN on; a NOTIFY wakes them at once. */
export const CALLBACK_DUE_CHANNEL = "callback_due";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * (Re)starts deliveries with a fresh retry schedule: PENDING, due now (strictly later than the
 * old due time, so old tickets go stale), no lease, no completion. Call inside the transaction
 * that decided it (resend, replay, re-enable); wake the workers with `dispatchAfterCommit`.
 */
export async function issueTickets(
  tx: Tx,
  deliveryIds: readonly string[],
  now = new Date(),
): Promise<DeliveryTicket[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: string; endpointId: string; ms: number }[]>(
    `UPDATE "CallbackDelivery" d SET
       status = 'PENDING', "completedAt" = NULL, "runAttempt" = 0,
       "leaseToken" = NULL, "leaseUntil" = NULL,
       "nextAttemptAt" = GREATEST(${tsParam("$2")}, d."nextAttemptAt" + interval '1 millisecond')
     WHERE d.id = ANY($1::text[])
     RETURNING d.id, d."endpointId", ${msOf('d."nextAttemptAt"')} AS ms`,
    [...deliveryIds],
    now.getTime(),
  );
  return rows.map((r) => ({
    deliveryId: r.id,
    endpointId: r.endpointId,
    token: new Date(r.ms).toISOString(),
  }));
}

/** Tells whoever sends that deliveries are due; the default NOTIFYs the delivery workers. */
export type DeliveryDispatcher = (tickets: readonly DeliveryTicket[]) => Promise<void>;

// One NOTIFY in flight per process; requests meanwhile are folded into one more after it, so a
// burst of intake costs a handful of NOTIFYs, each sent after the commits it announces. Its own
// statement, not part of the intake transaction: PostgreSQL serialises notifying commits.
let notifying: Promise<void> | null = null;
let again = false;
const notify = () => db.$executeRawUnsafe(`NOTIFY ${CALLBACK_DUE_CHANNEL}`);
const notifyWorkers: DeliveryDispatcher = async () => {
  if (notifying) {
    again = true;
    return;
  }
  const first = notify();
  notifying = (async () => {
    try {
      await first;
    } finally {
      // The folded requests get their NOTIFY in the background; nobody waits for the train.
      while (again) {
        again = false;
        await notify().catch((error) => console.error("[callbacks] NOTIFY failed", error));
      }
      notifying = null;
    }
  })().catch(() => {});
  await first;
};

let dispatcher: DeliveryDispatcher = notifyWorkers;

/** Replace how due deliveries are announced (tests collect the tickets); null restores NOTIFY. */
export function setDeliveryDispatcher(next: DeliveryDispatcher | null): void {
  dispatcher = next ?? notifyWorkers;
}

/** Announces due deliveries. */
export async function dispatchDeliveries(tickets: readonly DeliveryTicket[]): Promise<void> {
  if (tickets.length > 0) await dispatcher(tickets);
}

/**
 * Announces deliveries after the transaction that created or ticketed them committed. A failed
 * NOTIFY is logged, not thrown: the rows are committed and due, and workers find them on their
 * next timer (at most a few seconds) or the cron drain does.
 */
export async function dispatchAfterCommit(tickets: readonly DeliveryTicket[]): Promise<void> {
  try {
    await dispatchDeliveries(tickets);
  } catch (error) {
    console.error(
      `[callbacks] could not wake the delivery workers for ${tickets.length} deliveries; their timer will`,
      error,
    );
  }
}
