import { db } from "@/lib/core/db";

/** Every category for the policy list: live ones first, then archived, each by key. */
export async function listCategories() {
  const rows = await db.notificationCategory.findMany({
    orderBy: [{ archived: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      nameZh: true,
      nameEn: true,
      mandatory: true,
      urgent: true,
      defaultOptIn: true,
      quietEnabled: true,
      quietStart: true,
      quietEnd: true,
      quietTimeZone: true,
      quietAction: true,
      channel: true,
      fallbackChannel: true,
      throttlePerDay: true,
      throttleAction: true,
      version: true,
      archived: true,
      updatedAt: true,
      _count: { select: { notifications: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, notificationCount: _count.notifications }));
}

export type CategoryListRow = Awaited<ReturnType<typeof listCategories>>[number];
