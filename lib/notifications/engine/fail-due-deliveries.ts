import { db } from "@/lib/core/db";

/**
 * Marks every delivery decided "now" but not yet confirmed FAILED with the error: after the last
 * retry of an IM outage, or when there is no IM target. Nothing confirmed is touched.
 */
export async function failDueDeliveries(
  notificationId: string,
  error: string,
  reason = "platform_error",
): Promise<number> {
  const now = new Date().toISOString();
  return db.$executeRaw`
    UPDATE "NotificationDelivery"
    SET status = 'FAILED'::"DeliveryStatus", reason = ${reason}, error = ${error.slice(0, 1_000)}, attempts = attempts + 1, "updatedAt" = ${now}::timestamp(3)
    WHERE "notificationId" = ${notificationId} AND status = 'QUEUED' AND reason IS NOT NULL`;
}
