import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addCalendarDays } from "@/lib/core/time/add-calendar-days";
import { localDayStart } from "@/lib/core/time/local-day-start";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { requesterNames } from "./requester-names";
import { emptyOutcomeCounts, outcomeCountsById, type OutcomeCounts } from "../rules/outcome-counts";
import {
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationListFilter,
  type NotificationStatus,
} from "../console-schemas";

export type NotificationRow = {
  id: string;
  title: string;
  categoryKey: string;
  categoryNameZh: string;
  categoryNameEn: string;
  categoryVersion: number;
  status: NotificationStatus;
  recipientCount: number;
  requestedBy: string;
  /** Who asked, as a person reads it (user or API token name). */
  requestedByName: string;
  createdAt: string;
  completedAt: string | null;
  counts: OutcomeCounts;
};

/** Start of a YYYY-MM-DD in the company's zone (the log's date filter is a company calendar day). */
function dayStart(date: string, timeZone: string, plusDays = 0): Date {
  return localDayStart(addCalendarDays(date, plusDays), timeZone);
}

/** One page of the notification log, newest first, with delivery counts by outcome per row. */
export async function listNotifications(
  filter: NotificationListFilter,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
) {
  const zone = filter.from || filter.to ? await loadCompanyTimeZone() : "UTC";
  const where: Prisma.NotificationWhereInput = {
    category: filter.category ? { key: filter.category } : undefined,
    status: filter.status,
    createdAt:
      filter.from || filter.to
        ? {
            gte: filter.from ? dayStart(filter.from, zone) : undefined,
            lt: filter.to ? dayStart(filter.to, zone, 1) : undefined,
          }
        : undefined,
  };
  const total = await db.notification.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      title: true,
      categoryVersion: true,
      status: true,
      recipientCount: true,
      requestedBy: true,
      createdAt: true,
      completedAt: true,
      category: { select: { key: true, nameZh: true, nameEn: true } },
    },
  });
  const grouped = rows.length
    ? await db.notificationDelivery.groupBy({
        by: ["notificationId", "status"],
        where: { notificationId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const counts = outcomeCountsById(grouped);
  const names = await requesterNames(rows.map((r) => r.requestedBy));
  const items: NotificationRow[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    categoryKey: r.category.key,
    categoryNameZh: r.category.nameZh,
    categoryNameEn: r.category.nameEn,
    categoryVersion: r.categoryVersion,
    status: r.status,
    recipientCount: r.recipientCount,
    requestedBy: r.requestedBy,
    requestedByName: names.get(r.requestedBy) ?? r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    counts: counts.get(r.id) ?? emptyOutcomeCounts(),
  }));
  return { items, total, page, pages, pageSize };
}

export type NotificationPage = Awaited<ReturnType<typeof listNotifications>>;
