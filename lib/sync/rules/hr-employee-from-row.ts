import type { TransferFields } from "../hr-directory-types";
import type { EmployeeStatus, HrEmployee } from "../types";
import { mirrorTransfer } from "./mirror-transfer";

const STATUS: Record<string, EmployeeStatus> = {
  ONBOARDING: "onboarding",
  ACTIVE: "active",
  ON_LEAVE: "on_leave",
  TERMINATED: "terminated",
};

// @db.Date columns come back as midnight UTC: the date is the first ten characters.
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** The Employee mirror columns read; contacts, title and unit only where the reader selects them. */
export type EmployeeMirrorRow = {
  employeeNo: string;
  name: string;
  status: string;
  email?: string | null;
  mobile?: string | null;
  title?: string | null;
  grade?: string | null;
  hireDate: Date | null;
  terminationDate: Date | null;
  terminationReason: string | null;
  timeZone: string;
  /** HR's manager reference as sent (the sync's reader selects it). */
  managerNo?: string | null;
  orgUnit?: { code: string } | null;
} & Partial<TransferFields>;

/**
 * An Employee mirror row in the planner's shape: the status as the planner words it, calendar dates as
 * "YYYY-MM-DD", empty values left out, a pending transfer when the row carries one. Shared by the sync's input and the scheduled-changes view, so
 * both read HR the same way.
 */
export function hrEmployeeFromRow(e: EmployeeMirrorRow): HrEmployee {
  const out: HrEmployee = { employeeNo: e.employeeNo, name: e.name, status: STATUS[e.status] };
  if (e.email) out.email = e.email;
  if (e.mobile) out.mobile = e.mobile;
  if (e.title) out.title = e.title;
  if (e.grade) out.grade = e.grade;
  if (e.orgUnit) out.unitCode = e.orgUnit.code;
  const hireDate = day(e.hireDate);
  if (hireDate) out.hireDate = hireDate;
  const terminationDate = day(e.terminationDate);
  if (terminationDate) out.terminationDate = terminationDate;
  if (e.terminationReason) out.terminationReason = e.terminationReason;
  if (e.timeZone) out.timeZone = e.timeZone;
  if (e.managerNo) out.managerNo = e.managerNo;
  const transfer = mirrorTransfer({
    transferUnitCode: e.transferUnitCode ?? null,
    transferDate: e.transferDate ?? null,
    transferTitle: e.transferTitle ?? null,
    transferManagerNo: e.transferManagerNo ?? null,
  });
  if (transfer) out.transfer = transfer;
  return out;
}
