import { addCalendarDays } from "@/lib/core/time/add-calendar-days";
import { localDate } from "@/lib/core/time/local-date";
import { localDayStart } from "@/lib/core/time/local-day-start";
import type { HrEmployee, LifecycleConfig } from "../types";

/** When an employee's joiner and leaver steps fall, on the wall clock of their own zone. */
export type LifecycleInstants = {
  /** Pre-boarding: the account may exist (disabled) from this instant; null without a future hire date. */
  preboardAt: Date | null;
  /** Start of the first working day: the account is enabled; null without a hire date. */
  startAt: Date | null;
  /** When the account is disabled; null when no termination is known within the look-ahead. */
  disableAt: Date | null;
  /** HR's termination reason ("" when none was given), with the timing it selected. */
  termination: { reason: string; timing: "immediate" | "end_of_day" } | null;
};

export type LifecycleInstantsInput = {
  /** The HR record. */
  employee: HrEmployee;
  /** Lifecycle rules. */
  lifecycle: LifecycleConfig;
  /** Planning instant. */
  now: Date;
  /** The employee's IANA zone, already checked (their own, else the company's). */
  timeZone: string;
};

/**
 * The instants of an employee's lifecycle steps. A hire date is a calendar day in the employee's
 * zone, so "start of day" is that zone's midnight (or the first minute of the day where DST skips
 * midnight). A termination with `end_of_day` timing takes effect at the start of the day after the
 * last working day; `immediate` at once, or at the start of a last day already past. A future last
 * day HR sends before it marks the employee terminated is scheduled when it falls within the
 * look-ahead, so the change is visible ahead and fires on time.
 */
export function lifecycleInstants(input: LifecycleInstantsInput): LifecycleInstants {
  const { employee, lifecycle, now, timeZone } = input;
  const today = localDate(now, timeZone);
  const result: LifecycleInstants = {
    preboardAt: null,
    startAt: null,
    disableAt: null,
    termination: null,
  };
  if (employee.hireDate) {
    result.startAt = localDayStart(employee.hireDate, timeZone);
    result.preboardAt = localDayStart(
      addCalendarDays(employee.hireDate, -lifecycle.createBeforeStartDays),
      timeZone,
    );
  }
  const reason = employee.terminationReason ?? "";
  if (employee.status === "terminated") {
    const timing = lifecycle.termination.byReason[reason] ?? lifecycle.termination.default;
    const lastDay = employee.terminationDate ?? today;
    result.termination = { reason, timing };
    if (timing === "end_of_day") {
      result.disableAt = localDayStart(addCalendarDays(lastDay, 1), timeZone);
    } else {
      // A past termination date anchors the deletion grace; a future one does not delay the disable.
      const dayStart = localDayStart(lastDay, timeZone);
      result.disableAt = dayStart.getTime() < now.getTime() ? dayStart : now;
    }
  } else if (
    employee.terminationDate &&
    employee.terminationDate <= addCalendarDays(today, lifecycle.terminationLookAheadDays)
  ) {
    // Not terminated in HR yet: the last working day still ends on the wall clock, whatever the reason.
    result.termination = { reason, timing: "end_of_day" };
    result.disableAt = localDayStart(addCalendarDays(employee.terminationDate, 1), timeZone);
  }
  return result;
}
