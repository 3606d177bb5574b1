import { db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import {
  evaluateDelivery,
  type DeliveryDecision,
} from "@/lib/notifications/rules/evaluate-delivery";
import { explainKey, type ExplainedDecision } from "@/lib/notifications/rules/explain";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { policyFromRow } from "@/lib/notifications/rules/policy-from-row";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { countSentToday } from "./count-sent-today-for-employee";
import { localDateTimeToInstant } from "@/lib/core/time/local-date-time-to-instant";
import type { simulateDeliverySchema } from "../console-schemas";
import type { z } from "zod";

export type SimulationResult = {
  /** What the sender would do. */
  action: DeliveryDecision["action"];
  /** The reason sentence's key and values (look up under notify.decision). */
  explained: ExplainedDecision;
  /** The send time as an instant. */
  sendAt: string;
  /** When it would reach the recipient (null when suppressed). */
  deliverAt: string | null;
  /** The recipient's own zone (the one the send time was read in). */
  timeZone: string;
  /** The employee simulated, when one was picked. */
  employee: { employeeNo: string; name: string; nameEn: string | null } | null;
  /** Inputs loaded for the rule, shown so the answer can be checked. */
  optedIn: boolean | null;
  sentToday: number;
  policyVersion: number;
};

/**
 * Runs the sender's own rule (`evaluateDelivery`) for one category at one wall-clock send time,
 * either for a real employee (zone, stored preference and today's real deliveries) or for a
 * hypothetical recipient in a zone.
 */
export async function simulateDelivery(
  input: z.output<typeof simulateDeliverySchema>,
): Promise<SimulationResult> {
  const category = await db.notificationCategory.findUnique({ where: { key: input.categoryKey } });
  if (!category) throw notFound(`Category "${input.categoryKey}"`);
  const policy = policyFromRow(category);
  const company = await loadCompanyTimeZone();

  let timeZone: string;
  let optedIn: boolean | null;
  let sentToday: number;
  let employee: SimulationResult["employee"] = null;
  let now: Date;
  if (input.target === "employee") {
    const row = await db.employee.findUnique({
      where: { employeeNo: input.employeeNo },
      select: { id: true, employeeNo: true, name: true, nameEn: true, timeZone: true },
    });
    if (!row)
      throw new AppError(404, "not_found", `Employee ${input.employeeNo} not found.`, "employeeNo");
    employee = { employeeNo: row.employeeNo, name: row.name, nameEn: row.nameEn };
    timeZone = isValidTimeZone(row.timeZone) ? row.timeZone : company;
    now = localDateTimeToInstant(input.sendAt, timeZone, "earliest");
    const pref = await db.notificationPreference.findUnique({
      where: { employeeId_categoryId: { employeeId: row.id, categoryId: category.id } },
      select: { optedIn: true },
    });
    optedIn = pref?.optedIn ?? null;
    sentToday = await countSentToday({
      employeeId: row.id,
      categoryId: category.id,
      at: now,
      timeZone,
    });
  } else {
    timeZone = input.timeZone;
    now = localDateTimeToInstant(input.sendAt, timeZone, "earliest");
    optedIn = input.preference === "none" ? null : input.preference === "in";
    sentToday = input.sentToday;
  }

  const decision = evaluateDelivery({
    policy,
    recipient: { timeZone, optedIn },
    companyTimeZone: company,
    now,
    sentTodayForCategory: sentToday,
  });
  return {
    action: decision.action,
    explained: explainKey(decision),
    sendAt: now.toISOString(),
    deliverAt:
      decision.action === "send"
        ? now.toISOString()
        : decision.action === "defer"
          ? decision.at.toISOString()
          : null,
    timeZone,
    employee,
    optedIn,
    sentToday,
    policyVersion: category.version,
  };
}
