import { db } from "@/lib/core/db";
import { emptyOutcomeCounts, outcomeCountsById } from "../rules/outcome-counts";
import { requesterNames } from "./requester-names";

/** One notification with its category, audience and delivery counts by outcome; null if unknown. */
export async function getNotification(id: string) {
  const n = await db.notification.findUnique({
    where: { id },
    include: { category: { select: { key: true, nameZh: true, nameEn: true, version: true } } },
  });
  if (!n) return null;
  const grouped = await db.notificationDelivery.groupBy({
    by: ["notificationId", "status"],
    where: { notificationId: id },
    _count: { _all: true },
  });
  const names = await requesterNames([n.requestedBy]);
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    link: n.link,
    audience: n.audience,
    idempotencyKey: n.idempotencyKey,
    status: n.status,
    recipientCount: n.recipientCount,
    requestedBy: n.requestedBy,
    requestedByName: names.get(n.requestedBy) ?? n.requestedBy,
    categoryVersion: n.categoryVersion,
    category: n.category,
    createdAt: n.createdAt.toISOString(),
    completedAt: n.completedAt?.toISOString() ?? null,
    counts: outcomeCountsById(grouped).get(id) ?? emptyOutcomeCounts(),
  };
}

export type NotificationDetail = NonNullable<Awaited<ReturnType<typeof getNotification>>>;
