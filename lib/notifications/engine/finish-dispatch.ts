import { db } from "@/lib/core/db";
import { countDeliveries, type DeliveryCounts } from "../queries/count-deliveries";

export type FinishDispatchResult = {
  status: "DISPATCHING" | "COMPLETED" | "FAILED";
  counts: DeliveryCounts;
};

/**
 * Closes a notification once no delivery waits: COMPLETED when anything was sent or deliberately
 * held back (suppressed), FAILED when every delivery failed. Still-waiting ones keep it DISPATCHING.
 */
export async function finishDispatch(notificationId: string): Promise<FinishDispatchResult> {
  const counts = await countDeliveries(notificationId);
  if (counts.queued + counts.deferred > 0) {
    await db.notification.update({
      where: { id: notificationId },
      data: { status: "DISPATCHING", recipientCount: counts.total },
    });
    return { status: "DISPATCHING", counts };
  }
  const status = counts.total > 0 && counts.failed === counts.total ? "FAILED" : "COMPLETED";
  await db.notification.update({
    where: { id: notificationId },
    data: { status, recipientCount: counts.total, completedAt: new Date() },
  });
  return { status, counts };
}
