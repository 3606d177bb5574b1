import { addDays } from "./add-days";
import { companyDayStart } from "./company-day-start";
import type { HrEmployee, LifecycleConfig } from "../types";

export type AccountTarget =
  | { kind: "none" }
  | { kind: "active" }
  | { kind: "suspended" }
  | {
      kind: "disabled";
      /** ISO instant the disable takes effect (may be after `now` for end-of-day). */
      effectiveAt: string;
      /** HR reason code, "missing_from_hr" when HR no longer lists the employee. */
      reason: string;
    };

export type ComputeAccountTargetInput = {
  /** The HR record, or null when the employee vanished from HR but has an account. */
  employee: HrEmployee | null;
  /** Lifecycle rules. */
  lifecycle: LifecycleConfig;
  /** Planning instant. */
  now: Date;
  /** Today's company-calendar date. */
  today: string;
  /** Company IANA time zone. */
  timeZone: string;
};

/** What state the employee's IM account should be in right now, from HR status and dates. */
export function computeAccountTarget(input: ComputeAccountTargetInput): AccountTarget {
  const { employee, lifecycle, now, today, timeZone } = input;
  if (!employee)
    return { kind: "disabled", effectiveAt: now.toISOString(), reason: "missing_from_hr" };
  switch (employee.status) {
    case "onboarding": {
      if (!employee.hireDate) return { kind: "active" };
      const createFrom = addDays(employee.hireDate, -lifecycle.createBeforeStartDays);
      return today >= createFrom ? { kind: "active" } : { kind: "none" };
    }
    case "active":
      return { kind: "active" };
    case "on_leave":
      return lifecycle.onLeave === "keep" ? { kind: "active" } : { kind: "suspended" };
    case "terminated": {
      const reason = employee.terminationReason ?? "";
      const timing = lifecycle.termination.byReason[reason] ?? lifecycle.termination.default;
      const lastDay = employee.terminationDate ?? today;
      if (timing === "end_of_day") {
        // The last working day ends at midnight company time, not UTC.
        const effectiveAt = companyDayStart(addDays(lastDay, 1), timeZone);
        return { kind: "disabled", effectiveAt: effectiveAt.toISOString(), reason };
      }
      // Immediate: a past termination date anchors the grace period; a future one does not delay the disable.
      const dayStart = companyDayStart(lastDay, timeZone);
      const effectiveAt = dayStart.getTime() < now.getTime() ? dayStart : now;
      return { kind: "disabled", effectiveAt: effectiveAt.toISOString(), reason };
    }
  }
}
