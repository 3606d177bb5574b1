import type { HrEmployee } from "@/lib/connectors/types";
import type {
  EmployeeFields,
  HrDirectoryWrites,
  MirrorEmployee,
  MirrorEmployeeStatus,
  PullCounts,
  TransferFields,
} from "../hr-directory-types";
import { changedFields } from "./changed-fields";
import { hashHrRecord } from "./hash-hr-record";

const STATUS: Record<HrEmployee["status"], MirrorEmployeeStatus> = {
  onboarding: "ONBOARDING",
  active: "ACTIVE",
  on_leave: "ON_LEAVE",
  terminated: "TERMINATED",
};

const day = (d: string | undefined) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);
const sameDay = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** A transfer into the unit HR already lists is done: the mirror keeps none, so replays agree. */
function transferFields(hr: HrEmployee): TransferFields {
  const t = hr.transfer && hr.transfer.unitCode !== hr.unitCode ? hr.transfer : undefined;
  return {
    transferUnitCode: t?.unitCode ?? null,
    transferDate: day(t?.effectiveDate),
    transferTitle: t?.title ?? null,
    transferManagerNo: t?.managerNo ?? null,
  };
}

export type DiffHrEmployeesInput = {
  /** A full pull terminates employees HR no longer lists. */
  full: boolean;
  /** HR employees of this pull by employee number. */
  employees: Map<string, HrEmployee>;
  mirror: MirrorEmployee[];
  /** Row id of every unit, existing or about to be created, by code. */
  unitId: Map<string, string>;
  /** Row id of every employee known to this pull (existing or about to be created), by number. */
  employeeId: Map<string, string>;
  /** The source of this pull: new rows record it, unowned rows are adopted, a full pull retires only its own. */
  source?: string | null;
};

export type HrEmployeesDiff = Pick<
  HrDirectoryWrites,
  "employeeCreates" | "employeeUpdates" | "employeeLinks" | "terminate"
> & { counts: PullCounts };

/** Employees to create, update, re-link to their manager and (full pull) terminate. */
export function diffHrEmployees({
  full,
  employees,
  mirror,
  unitId,
  employeeId,
  source = null,
}: DiffHrEmployeesInput): HrEmployeesDiff {
  const out: HrEmployeesDiff = {
    employeeCreates: [],
    employeeUpdates: [],
    employeeLinks: [],
    terminate: [],
    counts: { created: 0, updated: 0, unchanged: 0, deactivated: 0 },
  };
  const employeeByNo = new Map(mirror.map((e) => [e.employeeNo, e]));
  for (const [no, hr] of [...employees].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const row = employeeByNo.get(no);
    const managerNo = hr.managerNo?.trim() || null;
    const fields: EmployeeFields = {
      name: hr.name,
      nameEn: hr.nameEn ?? null,
      email: hr.email ?? null,
      mobile: hr.mobile ?? null,
      title: hr.title ?? null,
      grade: hr.grade ?? null,
      orgUnitId: hr.unitCode ? (unitId.get(hr.unitCode) ?? null) : null,
      managerNo,
      status: STATUS[hr.status],
      hireDate: day(hr.hireDate),
      terminationDate: day(hr.terminationDate),
      terminationReason: hr.terminationReason ?? null,
      timeZone: hr.timeZone ?? "Asia/Shanghai",
      locale: hr.locale ?? "zh-CN",
      sourceVersion: BigInt(hr.version),
      sourceHash: hashHrRecord({ ...hr, version: undefined, updatedAt: undefined }),
      sourceConnectionId: row?.sourceConnectionId ?? source,
      ...transferFields(hr),
    };
    // Nobody manages themselves: a self-reference is dropped.
    const managerId = managerNo && managerNo !== no ? (employeeId.get(managerNo) ?? null) : null;
    const id = employeeId.get(no)!;
    if (!row) {
      out.employeeCreates.push({ id, employeeNo: no, ...fields });
      if (managerId) out.employeeLinks.push({ id, managerId });
      out.counts.created++;
      continue;
    }
    const data = changedFields(row, fields, (a, b) =>
      a instanceof Date || b instanceof Date
        ? sameDay(a as Date | null, b as Date | null)
        : a === b,
    );
    const linkChanged = row.managerId !== managerId;
    if (Object.keys(data).length > 0) out.employeeUpdates.push({ id, data });
    if (linkChanged) out.employeeLinks.push({ id, managerId });
    if (Object.keys(data).length > 0 || linkChanged) out.counts.updated++;
    else out.counts.unchanged++;
  }
  if (full)
    out.terminate = mirror
      .filter(
        (e) =>
          !employees.has(e.employeeNo) &&
          e.status !== "TERMINATED" &&
          (!source || e.sourceConnectionId === null || e.sourceConnectionId === source),
      )
      .map((e) => e.id);
  out.counts.deactivated = out.terminate.length;
  return out;
}
