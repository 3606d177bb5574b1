import { db } from "@/lib/core/db";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { localDayRange } from "@/lib/core/time/local-day-range";

export type CountSentTodayOptions = {
  categoryId: string;
  /** The notification being dispatched (its own deliveries do not count). */
  notificationId: string;
  /** Recipients: employee id and own zone (null/invalid → the company's). */
  recipients: readonly { employeeId: string; timeZone: string | null }[];
  companyTimeZone: string;
  now: Date;
};

/**
 * How many notifications of the category each recipient was already sent in their own local day:
 * one grouped query per distinct zone (a company has a handful), not one per employee.
 */
export async function countSentToday(options: CountSentTodayOptions): Promise<Map<string, number>> {
  const byZone = new Map<string, string[]>();
  for (const r of options.recipients) {
    const zone = r.timeZone && isValidTimeZone(r.timeZone) ? r.timeZone : options.companyTimeZone;
    const list = byZone.get(zone);
    if (list) list.push(r.employeeId);
    else byZone.set(zone, [r.employeeId]);
  }
  const counts = new Map<string, number>();
  for (const [zone, ids] of byZone) {
    const { start, end } = localDayRange(options.now, zone);
    const rows = await db.$queryRaw<{ employeeId: string; n: number }[]>`
      SELECT d."employeeId", count(*)::int AS n
      FROM "NotificationDelivery" d JOIN "Notification" n ON n.id = d."notificationId"
      WHERE n."categoryId" = ${options.categoryId} AND d."notificationId" <> ${options.notificationId}
        AND d.status = 'SENT' AND d."sentAt" >= ${start.toISOString()}::timestamp(3) AND d."sentAt" < ${end.toISOString()}::timestamp(3)
        AND d."employeeId" = ANY(${ids}::text[])
      GROUP BY d."employeeId"`;
    for (const r of rows) counts.set(r.employeeId, r.n);
  }
  return counts;
}
