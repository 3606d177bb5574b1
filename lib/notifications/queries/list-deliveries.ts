import { db } from "@/lib/core/db";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { explainStoredReason, type StoredReasonText } from "../rules/explain-stored-reason";
import { loadPolicyVersions } from "./load-policy-versions";
import { DELIVERIES_PAGE_SIZE, type DeliveryFilter, type DeliveryStatus } from "../console-schemas";

export type DeliveryRow = {
  id: string;
  employeeNo: string;
  employeeName: string;
  employeeNameEn: string | null;
  timeZone: string;
  status: DeliveryStatus;
  /** The reason code as the dispatcher stored it. */
  reason: string | null;
  /** The reason as a sentence to translate. */
  reasonText: StoredReasonText | null;
  deferredUntil: string | null;
  imMessageId: string | null;
  error: string | null;
  attempts: number;
  sentAt: string | null;
  updatedAt: string;
};

/** One page of a notification's per-recipient outcomes in 工号 order, filtered by status. */
export async function listDeliveries(
  notificationId: string,
  filter: DeliveryFilter,
  pageSize = DELIVERIES_PAGE_SIZE,
) {
  const where = { notificationId, status: filter.status };
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: { categoryId: true, categoryVersion: true },
  });
  const policy = notification
    ? ((
        await loadPolicyVersions([
          { categoryId: notification.categoryId, version: notification.categoryVersion },
        ])
      ).get(`${notification.categoryId}:${notification.categoryVersion}`) ?? null)
    : null;
  const company = await loadCompanyTimeZone();
  const total = await db.notificationDelivery.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const rows = await db.notificationDelivery.findMany({
    where,
    orderBy: [{ employee: { employeeNo: "asc" } }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      status: true,
      reason: true,
      deferredUntil: true,
      imMessageId: true,
      error: true,
      attempts: true,
      sentAt: true,
      updatedAt: true,
      employee: { select: { employeeNo: true, name: true, nameEn: true, timeZone: true } },
    },
  });
  const items: DeliveryRow[] = rows.map(({ employee, ...d }) => {
    const timeZone = isValidTimeZone(employee.timeZone) ? employee.timeZone : company;
    return {
      id: d.id,
      employeeNo: employee.employeeNo,
      employeeName: employee.name,
      employeeNameEn: employee.nameEn,
      timeZone: employee.timeZone,
      status: d.status,
      reason: d.reason,
      reasonText: explainStoredReason({
        code: d.reason,
        deferredUntil: d.deferredUntil,
        timeZone,
        policy,
      }),
      deferredUntil: d.deferredUntil?.toISOString() ?? null,
      imMessageId: d.imMessageId,
      error: d.error,
      attempts: d.attempts,
      sentAt: d.sentAt?.toISOString() ?? null,
      updatedAt: d.updatedAt.toISOString(),
    };
  });
  return { items, total, page, pages, pageSize };
}

export type DeliveryPage = Awaited<ReturnType<typeof listDeliveries>>;
