import type { AccountField } from "../shared-types";

/** The rule families a provision trace reports, in the order the planner applies them. */
export const TRACE_RULES = [
  "effective_date",
  "scoping",
  "mapping",
  "privacy",
  "authority",
  "manager",
] as const;
export type TraceRule = (typeof TRACE_RULES)[number];

/**
 * One line of a provision trace: which rule looked at the employee, what it decided, and the facts
 * it decided on. `outcome` is a stable code (the console translates it); `detail` holds plain values.
 */
export type TraceEntry = {
  rule: TraceRule;
  outcome: string;
  field?: AccountField;
  detail?: Record<string, string>;
};

/** What the account planner decided for one person field (collected only when a trace is asked for). */
export type FieldDecision = {
  employeeNo: string;
  field: AccountField;
  /** written: HR's value goes to IM; kept: IM keeps its value; in_sync: nothing to do. */
  outcome: "written" | "kept" | "in_sync";
  /** Why: the authority mode, "privacy" for a withheld value, "conflict", or the three-way result. */
  reason: string;
  /** At creation every field is written whatever the mode. */
  creating: boolean;
};
