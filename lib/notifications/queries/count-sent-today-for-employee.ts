import { db } from "@/lib/core/db";
import { localDayRange } from "@/lib/core/time/local-day-range";

/** Notifications of a category the platform confirmed to an employee in their local day around `at`. */
export async function countSentToday(options: {
  employeeId: string;
  categoryId: string;
  at: Date;
  timeZone: string;
}) {
  const { start, end } = localDayRange(options.at, options.timeZone);
  return db.notificationDelivery.count({
    where: {
      employeeId: options.employeeId,
      status: "SENT",
      sentAt: { gte: start, lt: end },
      notification: { categoryId: options.categoryId },
    },
  });
}
