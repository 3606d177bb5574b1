import type { DeliveryStatus } from "../console-schemas";

/** Deliveries of one notification by status, every status present (0 when none). */
export type OutcomeCounts = Record<DeliveryStatus, number>;

export const emptyOutcomeCounts = (): OutcomeCounts => ({
  QUEUED: 0,
  DEFERRED: 0,
  SENT: 0,
  SUPPRESSED: 0,
  FAILED: 0,
});

/** Folds `groupBy(["notificationId", "status"])` rows into counts per notification. */
export function outcomeCountsById(
  rows: { notificationId: string; status: DeliveryStatus; _count: { _all: number } }[],
): Map<string, OutcomeCounts> {
  const byId = new Map<string, OutcomeCounts>();
  for (const r of rows) {
    const counts = byId.get(r.notificationId) ?? emptyOutcomeCounts();
    counts[r.status] += r._count._all;
    byId.set(r.notificationId, counts);
  }
  return byId;
}
