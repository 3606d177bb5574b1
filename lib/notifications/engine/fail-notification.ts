import { db } from "@/lib/core/db";

/** After the dispatch function failed for good: every waiting delivery FAILED with the error, the notification FAILED. */
export async function failNotification(notificationId: string, error: string): Promise<void> {
  const now = new Date().toISOString();
  await db.$executeRaw`
    UPDATE "NotificationDelivery"
    SET status = 'FAILED'::"DeliveryStatus", reason = 'dispatch_failed', error = ${error.slice(0, 1_000)}, "updatedAt" = ${now}::timestamp(3)
    WHERE "notificationId" = ${notificationId} AND status IN ('QUEUED', 'DEFERRED')`;
  const total = await db.notificationDelivery.count({ where: { notificationId } });
  await db.notification.updateMany({
    where: { id: notificationId, status: { in: ["QUEUED", "DISPATCHING"] } },
    data: { status: "FAILED", completedAt: new Date(), recipientCount: total },
  });
}
