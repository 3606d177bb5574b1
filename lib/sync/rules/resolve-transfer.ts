import { localDayStart } from "@/lib/core/time/local-day-start";
import { employeeTimeZone } from "./employee-time-zone";
import type { HrEmployee } from "../types";

/** Where an employee's scheduled transfer stands at the planning instant. */
export type TransferState = {
  /** pending: still in the old unit until `effectiveAt`; in_effect: in the new unit since then. */
  state: "pending" | "in_effect";
  /** The start of the transfer's first day in the employee's zone. */
  effectiveAt: Date;
  /** HR's current unit (absent when HR gives none). */
  fromUnit?: string;
  toUnit: string;
  /** The zone the effective date was read in. */
  timeZone: string;
};

export type ResolveTransferInput = {
  /** The HR record, with its pending transfer if any. */
  employee: HrEmployee;
  /** Planning instant. */
  now: Date;
  /** Company IANA zone, for employees without a valid zone of their own. */
  companyTimeZone: string;
};

export type ResolvedTransfer = {
  /** The record as the planner should see it now: the transfer's unit (and title) once in effect, no `transfer`. */
  employee: HrEmployee;
  /** The transfer still relevant to this employee; null when there is none, or it no longer matters. */
  transfer: TransferState | null;
};

/**
 * A transfer takes effect at the start of its day on the employee's wall clock (their zone, else the
 * company's; where DST skips midnight, the first minute of the day). Before that the employee stays in
 * HR's current unit; from then on the planner treats the new unit — and the title and manager when HR
 * gave them — as current, until HR sends the updated record. A transfer into the unit HR already lists
 * is done (HR caught up) and is ignored, so the same record planned twice gives the same result; so is
 * one for a terminated employee (a leaver is not moved) or one whose date is not a calendar day.
 */
export function resolveTransfer(input: ResolveTransferInput): ResolvedTransfer {
  // Most records carry none: no copy for them (the planner resolves the whole directory).
  if (!input.employee.transfer) return { employee: input.employee, transfer: null };
  const { transfer, ...employee } = input.employee;
  if (employee.status === "terminated" || transfer.unitCode === employee.unitCode)
    return { employee, transfer: null };
  const timeZone = employeeTimeZone(employee, input.companyTimeZone);
  let effectiveAt: Date;
  try {
    effectiveAt = localDayStart(transfer.effectiveDate, timeZone);
  } catch {
    // Connectors refuse such dates; a record that still carries one is left where HR lists it.
    return { employee, transfer: null };
  }
  const inEffect = effectiveAt.getTime() <= input.now.getTime();
  const state: TransferState = {
    state: inEffect ? "in_effect" : "pending",
    effectiveAt,
    ...(employee.unitCode ? { fromUnit: employee.unitCode } : {}),
    toUnit: transfer.unitCode,
    timeZone,
  };
  if (!inEffect) return { employee, transfer: state };
  return {
    employee: {
      ...employee,
      unitCode: transfer.unitCode,
      ...(transfer.title ? { title: transfer.title } : {}),
      // Carried for the planner's manager sync (the planner's record does not read it yet).
      ...(transfer.managerNo ? { managerNo: transfer.managerNo } : {}),
    },
    transfer: state,
  };
}
