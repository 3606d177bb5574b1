import { employeeTimeZone } from "./employee-time-zone";
import { lifecycleInstants, type LifecycleInstants } from "./lifecycle-instants";
import type { HrEmployee, LifecycleConfig } from "../types";

export type AccountTarget =
  | { kind: "none" }
  | { kind: "active" }
  /** Pre-boarded: the account exists but stays disabled until the first working day starts. */
  | { kind: "preboarded"; enableAt: string }
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
  /** Company IANA time zone: for employees without a valid zone of their own. */
  timeZone: string;
  /** The platform can hold a created account disabled; without it a hire is created on their first day. */
  canPreboardDisabled?: boolean;
};

/** What state the employee's IM account should be in right now, from HR status and dates. */
export function computeAccountTarget(input: ComputeAccountTargetInput): AccountTarget {
  const { employee, lifecycle, now } = input;
  if (!employee)
    return { kind: "disabled", effectiveAt: now.toISOString(), reason: "missing_from_hr" };
  const timeZone = employeeTimeZone(employee, input.timeZone);
  const at = lifecycleInstants({ employee, lifecycle, now, timeZone });
  if (at.disableAt && at.termination && employee.status === "terminated")
    return {
      kind: "disabled",
      effectiveAt: at.disableAt.toISOString(),
      reason: at.termination.reason,
    };
  switch (employee.status) {
    case "onboarding": {
      if (!at.startAt || !at.preboardAt || now.getTime() >= at.startAt.getTime())
        return withLookAhead({ kind: "active" }, at, now);
      if (now.getTime() < at.preboardAt.getTime()) return { kind: "none" };
      return input.canPreboardDisabled === false
        ? { kind: "none" }
        : { kind: "preboarded", enableAt: at.startAt.toISOString() };
    }
    case "active":
      return withLookAhead({ kind: "active" }, at, now);
    case "on_leave":
      return withLookAhead(
        lifecycle.onLeave === "keep" ? { kind: "active" } : { kind: "suspended" },
        at,
        now,
      );
    case "terminated":
      // lifecycleInstants always sets disableAt for a terminated employee.
      return { kind: "disabled", effectiveAt: now.toISOString(), reason: "" };
  }
}

/**
 * A last working day HR announced before marking the employee terminated: the account stays as it is
 * (fields still sync) until the day has ended, when the scheduled run disables it.
 */
function withLookAhead(target: AccountTarget, at: LifecycleInstants, now: Date): AccountTarget {
  if (!at.disableAt || at.disableAt.getTime() > now.getTime()) return target;
  return {
    kind: "disabled",
    effectiveAt: at.disableAt.toISOString(),
    reason: at.termination?.reason ?? "",
  };
}
