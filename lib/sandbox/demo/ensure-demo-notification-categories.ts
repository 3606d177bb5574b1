import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import type { CategoryInput } from "../../notifications/category-input-schema";
import { createCategory } from "../../notifications/commands/save-category";

const everyDay = [1, 2, 3, 4, 5, 6, 7];

/** The demo company's categories: two a person cannot turn off, two they can. */
export const DEMO_NOTIFICATION_CATEGORIES: CategoryInput[] = [
  {
    key: "system-change",
    nameZh: "系统变更通知",
    nameEn: "System changes",
    descriptionZh:
      "OA、邮箱、VPN 等系统的停机维护与变更安排。关系到每个人的工作，不能关闭；夜间发出的通知会在早上 8 点送达。",
    descriptionEn:
      "Planned downtime and changes to OA, mail, VPN and other systems. Affects everyone's work, so it cannot be turned off; notices sent at night arrive at 08:00.",
    mandatory: true,
    urgent: true,
    defaultOptIn: true,
    quietHours: { enabled: true, start: "22:00", end: "08:00", weekdays: everyDay, timeZone: null },
    quietAction: "defer",
    channel: "markdown",
    fallbackChannel: "text",
    throttlePerDay: null,
    throttleAction: "defer",
  },
  {
    key: "emergency",
    nameZh: "紧急通知",
    nameEn: "Emergencies",
    descriptionZh: "台风、火警、疫情等紧急情况。不能关闭，免打扰时段内也会立即送达。",
    descriptionEn:
      "Typhoons, fire alarms, outbreaks and other emergencies. Cannot be turned off and is delivered at once, even in quiet hours.",
    mandatory: true,
    urgent: true,
    defaultOptIn: true,
    quietHours: { enabled: true, start: "22:00", end: "07:00", weekdays: everyDay, timeZone: null },
    quietAction: "deliver",
    channel: "text",
    fallbackChannel: null,
    throttlePerDay: null,
    throttleAction: "defer",
  },
  {
    key: "birthday",
    nameZh: "生日祝福",
    nameEn: "Birthday wishes",
    descriptionZh:
      "生日当天来自公司和同事的祝福。默认开启，可以关闭；晚 9 点到早 8 点（按你所在时区）不打扰，每天最多一条。",
    descriptionEn:
      "Wishes from the company and colleagues on your birthday. On by default and can be turned off; never between 21:00 and 08:00 in your time zone, at most one a day.",
    mandatory: false,
    urgent: false,
    defaultOptIn: true,
    quietHours: { enabled: true, start: "21:00", end: "08:00", weekdays: everyDay, timeZone: null },
    quietAction: "defer",
    channel: "text",
    fallbackChannel: null,
    throttlePerDay: 1,
    throttleAction: "drop",
  },
  {
    key: "benefits",
    nameZh: "福利提醒",
    nameEn: "Benefit reminders",
    descriptionZh: "体检预约、年假余额、节日福利领取等提醒。默认关闭，需要的话请自行开启。",
    descriptionEn:
      "Reminders about health check bookings, remaining annual leave and holiday gifts. Off by default; turn it on if you want them.",
    mandatory: false,
    urgent: false,
    defaultOptIn: false,
    quietHours: { enabled: true, start: "22:00", end: "08:00", weekdays: everyDay, timeZone: null },
    quietAction: "defer",
    channel: "markdown",
    fallbackChannel: "text",
    throttlePerDay: 2,
    throttleAction: "defer",
  },
];

/**
 * The embedded demo starts with notification categories: creates each demo category whose key does
 * not exist yet (versioned and audited as the system). Existing categories are never touched, so
 * HR's edits survive restarts. Returns the keys it created.
 */
export async function ensureDemoNotificationCategories(): Promise<string[]> {
  const existing = new Set(
    (await db.notificationCategory.findMany({ select: { key: true } })).map((c) => c.key),
  );
  const created: string[] = [];
  for (const category of DEMO_NOTIFICATION_CATEGORIES) {
    if (existing.has(category.key)) continue;
    try {
      await createCategory(category, { actor: { type: "system", id: "run-command" } });
      created.push(category.key);
    } catch (err) {
      // Another instance created it in the meantime: that is the state we want.
      if (!(err instanceof AppError && err.field === "key")) throw err;
    }
  }
  return created;
}
