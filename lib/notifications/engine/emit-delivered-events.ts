import { emitEvent } from "@/lib/callbacks/commands/emit-event";
import { db } from "@/lib/core/db";

const CHANNELS = new Set(["text", "markdown", "card"]);

/**
 * Tells subscribed systems (`notification.delivered`, one event per recipient the IM confirmed) — only
 * when an enabled endpoint subscribes, so a company-wide notice costs nothing extra otherwise. Event ids
 * are `notification.delivered:<delivery id>`: running it again after more deferred deliveries went out
 * emits only the new ones. A failing emit is logged and counted; it never fails the dispatch.
 */
export async function emitDeliveredEvents(
  notificationId: string,
): Promise<{ emitted: number; failed: number }> {
  const result = { emitted: 0, failed: 0 };
  const subscribed = await db.callbackEndpoint.count({
    where: { enabled: true, eventTypes: { has: "notification.delivered" } },
  });
  if (subscribed === 0) return result;
  const notification = await db.notification.findUniqueOrThrow({
    where: { id: notificationId },
    select: { category: { select: { key: true, channel: true } } },
  });
  const sent = await db.notificationDelivery.findMany({
    where: { notificationId, status: "SENT" },
    select: { id: true, sentAt: true, employee: { select: { employeeNo: true } } },
  });
  const already = new Set(
    (
      await db.callbackEvent.findMany({
        where: { id: { in: sent.map((d) => `notification.delivered:${d.id}`) } },
        select: { id: true },
      })
    ).map((e) => e.id),
  );
  const channel = CHANNELS.has(notification.category.channel)
    ? notification.category.channel
    : "text";
  for (const d of sent) {
    const id = `notification.delivered:${d.id}`;
    if (already.has(id)) continue;
    try {
      await emitEvent({
        id,
        type: "notification.delivered",
        source: "notifications",
        data: {
          notificationId,
          deliveryId: d.id,
          employeeNo: d.employee.employeeNo,
          categoryKey: notification.category.key,
          channel,
          deliveredAt: (d.sentAt ?? new Date()).toISOString(),
        },
      });
      result.emitted++;
    } catch (err) {
      result.failed++;
      console.error(
        `[notification ${notificationId}] could not emit notification.delivered`,
        (err as Error).message,
      );
    }
  }
  return result;
}
