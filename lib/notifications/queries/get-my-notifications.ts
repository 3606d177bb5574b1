import { db } from "@/lib/core/db";
import type { CategoryRow } from "@/lib/notifications/rules/category-row";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { explainStoredReason, type StoredReasonText } from "../rules/explain-stored-reason";
import { loadPolicyVersions } from "./load-policy-versions";
import type { DeliveryStatus } from "../console-schemas";

export type MyCategory = Pick<
  CategoryRow,
  | "key"
  | "nameZh"
  | "nameEn"
  | "descriptionZh"
  | "descriptionEn"
  | "mandatory"
  | "urgent"
  | "defaultOptIn"
> & {
  /** The stored choice, null when the employee never chose (the default applies). */
  preference: boolean | null;
  /** Whether notifications of it reach the employee now (mandatory, or the choice, or the default). */
  receiving: boolean;
  /** Quiet hours as they apply to this employee; null when the category has none. */
  quiet: {
    start: string;
    end: string;
    weekdays: number[];
    timeZone: string;
    ownZone: boolean;
    bypass: boolean;
  } | null;
};

export type MyDelivery = {
  id: string;
  title: string;
  categoryNameZh: string;
  categoryNameEn: string;
  status: DeliveryStatus;
  reason: string | null;
  reasonText: StoredReasonText | null;
  deferredUntil: string | null;
  sentAt: string | null;
  createdAt: string;
};

/** What /me shows an employee: every live category with their choice and quiet hours, and what was sent to them. */
export async function getMyNotifications(employeeId: string, recent = 20) {
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: { timeZone: true },
  });
  const zone =
    employee && isValidTimeZone(employee.timeZone)
      ? employee.timeZone
      : await loadCompanyTimeZone();
  const [categories, preferences, deliveries] = await Promise.all([
    db.notificationCategory.findMany({
      where: { archived: false },
      orderBy: [{ mandatory: "desc" }, { key: "asc" }],
    }),
    db.notificationPreference.findMany({
      where: { employeeId },
      select: { categoryId: true, optedIn: true },
    }),
    db.notificationDelivery.findMany({
      where: { employeeId },
      orderBy: { createdAt: "desc" },
      take: recent,
      select: {
        id: true,
        status: true,
        reason: true,
        deferredUntil: true,
        sentAt: true,
        createdAt: true,
        notification: {
          select: {
            title: true,
            categoryId: true,
            categoryVersion: true,
            category: { select: { nameZh: true, nameEn: true } },
          },
        },
      },
    }),
  ]);
  const prefs = new Map(preferences.map((p) => [p.categoryId, p.optedIn]));
  const items: MyCategory[] = categories.map((c) => {
    const preference = prefs.get(c.id) ?? null;
    return {
      key: c.key,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      descriptionZh: c.descriptionZh,
      descriptionEn: c.descriptionEn,
      mandatory: c.mandatory,
      urgent: c.urgent,
      defaultOptIn: c.defaultOptIn,
      preference,
      receiving: c.mandatory || (preference ?? c.defaultOptIn),
      quiet:
        c.quietEnabled && c.quietStart && c.quietEnd
          ? {
              start: c.quietStart,
              end: c.quietEnd,
              weekdays: c.quietWeekdays,
              timeZone: c.quietTimeZone ?? zone,
              ownZone: !c.quietTimeZone,
              bypass: c.mandatory && c.urgent && c.quietAction === "DELIVER",
            }
          : null,
    };
  });
  const policies = await loadPolicyVersions(
    deliveries.map((d) => ({
      categoryId: d.notification.categoryId,
      version: d.notification.categoryVersion,
    })),
  );
  const recentDeliveries: MyDelivery[] = deliveries.map((d) => ({
    id: d.id,
    title: d.notification.title,
    categoryNameZh: d.notification.category.nameZh,
    categoryNameEn: d.notification.category.nameEn,
    status: d.status,
    reason: d.reason,
    reasonText: explainStoredReason({
      code: d.reason,
      deferredUntil: d.deferredUntil,
      timeZone: zone,
      policy:
        policies.get(`${d.notification.categoryId}:${d.notification.categoryVersion}`) ?? null,
    }),
    deferredUntil: d.deferredUntil?.toISOString() ?? null,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
  return { timeZone: zone, categories: items, deliveries: recentDeliveries };
}

export type MyNotifications = Awaited<ReturnType<typeof getMyNotifications>>;
