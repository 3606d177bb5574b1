import { db } from "@/lib/core/db";
import { matchAudience } from "../queries/audience-sql";
import type { StoredAudience } from "../commands/create-notification";

export type PrepareDispatchResult = {
  /** Already finished (a repeated event): nothing to do. */
  skip: boolean;
  /** Deliveries of the notification (one per active employee in the audience). */
  recipients: number;
};

/**
 * Resolves the audience as it is now and creates one QUEUED delivery per recipient in a single
 * INSERT … SELECT (safe to repeat: existing rows are kept), then marks the notification DISPATCHING.
 */
export async function prepareDispatch(notificationId: string): Promise<PrepareDispatchResult> {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: { status: true, audience: true },
  });
  if (!n) throw new Error(`Notification ${notificationId} not found`);
  if (n.status === "COMPLETED" || n.status === "FAILED")
    return {
      skip: true,
      recipients: await db.notificationDelivery.count({ where: { notificationId } }),
    };
  const audience = n.audience as unknown as StoredAudience;
  const match = await matchAudience(db, audience.recipients);
  const now = new Date().toISOString();
  await db.$executeRaw`
    INSERT INTO "NotificationDelivery" (id, "notificationId", "employeeId", status, attempts, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${notificationId}, e.id, 'QUEUED'::"DeliveryStatus", 0, ${now}::timestamp(3), ${now}::timestamp(3)
    FROM "Employee" e WHERE ${match.condition}
    ON CONFLICT ("notificationId", "employeeId") DO NOTHING`;
  const recipients = await db.notificationDelivery.count({ where: { notificationId } });
  await db.notification.update({
    where: { id: notificationId },
    data: { status: "DISPATCHING", recipientCount: recipients },
  });
  return { skip: false, recipients };
}
