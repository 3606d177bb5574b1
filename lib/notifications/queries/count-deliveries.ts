import { db } from "@/lib/core/db";

export type DeliveryCounts = {
  queued: number;
  deferred: number;
  sent: number;
  suppressed: number;
  failed: number;
  total: number;
};

/** A notification's deliveries counted by outcome. */
export async function countDeliveries(notificationId: string): Promise<DeliveryCounts> {
  const groups = await db.notificationDelivery.groupBy({
    by: ["status"],
    where: { notificationId },
    _count: { _all: true },
  });
  const counts: DeliveryCounts = {
    queued: 0,
    deferred: 0,
    sent: 0,
    suppressed: 0,
    failed: 0,
    total: 0,
  };
  for (const g of groups) {
    counts[g.status.toLowerCase() as Exclude<keyof DeliveryCounts, "total">] = g._count._all;
    counts.total += g._count._all;
  }
  return counts;
}
