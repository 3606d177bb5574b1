import type { HrEmployee } from "@/lib/sync/types";

/** What a scheduled lifecycle step does to the employee's IM account. */
export type ScheduledChangeType =
  /** Pre-boarding: the account is created and held disabled. */
  | "preboard"
  /** Created enabled on the first day (the platform cannot hold an account disabled). */
  | "create"
  /** Enabled at the start of the first working day. */
  | "enable"
  /** Disabled at the end of the last working day (or at once). */
  | "disable"
  /** Deleted when the grace after disabling has passed. */
  | "delete"
  /** Moved to the unit (groups, title) of a transfer HR scheduled, at the start of its day. */
  | "transfer";

/** The Setting row holding the instant up to which scheduled changes have been claimed. */
export const LIFECYCLE_WATERMARK_KEY = "lifecycle.firedUntil";

export type ScheduledChange = {
  type: ScheduledChangeType;
  employeeNo: string;
  name: string;
  /** The IM target whose account changes. */
  connectionId: string;
  /** ISO instant the change takes effect. */
  effectiveAt: string;
  /** The zone the employee's dates are read in (their own, else the company's). */
  timeZone: string;
  /** HR's termination reason for disables and deletes ("" when none was given). */
  reason?: string;
  /** Transfers: the unit HR lists now (absent when none) and the one the employee moves to. */
  fromUnit?: string;
  toUnit?: string;
};

/** One IM target as the scheduler needs it. */
export type ScheduleTarget = {
  connectionId: string;
  /** The platform can hold an account disabled (pre-boarding). */
  canDisableUser: boolean;
};

/** What OrgBridge remembers of one account. */
export type ScheduleAccount = {
  state: "PENDING" | "ACTIVE" | "SUSPENDED" | "DISABLED" | "DELETED" | "FAILED";
  /** ISO instant the account was disabled. */
  disabledAt: string | null;
};

/** An HR employee with the display name the schedule lists. */
export type ScheduleEmployee = HrEmployee;
