import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { countDeliveries, type DeliveryCounts } from "./count-deliveries";

export type NotificationStatusView = {
  id: string;
  category: string;
  categoryVersion: number;
  title: string;
  status: "QUEUED" | "DISPATCHING" | "COMPLETED" | "FAILED";
  recipientCount: number;
  createdAt: string;
  completedAt: string | null;
  /** Deliveries by outcome. */
  counts: DeliveryCounts;
};

export type GetNotificationStatusOptions = {
  /** Only a notification requested by this requester ("token:<id>") is visible; omitted = any. */
  requestedBy?: string;
};

/** A notification's status and its deliveries counted by outcome (the REST status endpoint). */
export async function getNotificationStatus(
  id: string,
  options: GetNotificationStatusOptions = {},
): Promise<NotificationStatusView> {
  const n = await db.notification.findUnique({
    where: { id },
    include: { category: { select: { key: true } } },
  });
  if (!n || (options.requestedBy && n.requestedBy !== options.requestedBy))
    throw notFound("Notification");
  return {
    id: n.id,
    category: n.category.key,
    categoryVersion: n.categoryVersion,
    title: n.title,
    status: n.status,
    recipientCount: n.recipientCount,
    createdAt: n.createdAt.toISOString(),
    completedAt: n.completedAt?.toISOString() ?? null,
    counts: await countDeliveries(n.id),
  };
}
