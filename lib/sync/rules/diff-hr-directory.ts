import type {
  HrDirectoryWrites,
  HrRecords,
  MirrorEmployee,
  MirrorUnit,
  PullHrDirectoryResult,
} from "../hr-directory-types";
import { findSourceClaims } from "./find-source-claims";
import { diffHrEmployees } from "./diff-hr-employees";
import { diffHrUnits } from "./diff-hr-units";

export type DiffHrDirectoryInput = {
  /** A full pull: HR listed everything, so what it left out is retired. */
  full: boolean;
  /** Drop records whose version is not newer than the mirror's (counted as `stale`). */
  newerOnly: boolean;
  /** What HR sent, newest version per key. Not modified. */
  records: HrRecords;
  /** The mirror's units (all of them) and employees (all, or those the records name). */
  mirror: { units: MirrorUnit[]; employees: MirrorEmployee[] };
  /** Id for a new row. */
  newId: () => string;
  /** The HR connection the records come from; absent: nothing is owned (one-source behaviour). */
  source?: string | null;
};

export type HrDirectoryDiff = { result: PullHrDirectoryResult; writes: HrDirectoryWrites };

/** Drops the records the mirror already holds at that version or newer; returns the rest and how many went. */
function newerThanMirror<T extends { version: number }>(
  records: Map<string, T>,
  mirrorVersion: (key: string) => bigint | undefined,
): { kept: Map<string, T>; stale: number } {
  const kept = new Map(
    [...records].filter(([key, r]) => (mirrorVersion(key) ?? -1n) < BigInt(r.version)),
  );
  return { kept, stale: records.size - kept.size };
}

/**
 * What it takes to bring the OrgUnit/Employee mirror in line with HR: keys are unit
 * code and employee number; parents, materialised paths, depths and manager links
 * follow HR. Pure: the caller reads the mirror and writes the result.
 */
export function diffHrDirectory({
  full,
  newerOnly,
  records,
  mirror,
  newId,
  source = null,
}: DiffHrDirectoryInput): HrDirectoryDiff {
  let units = new Map(records.units);
  let employees = new Map(records.employees);
  let stale = 0;
  const claims = source ? findSourceClaims({ source, units, employees, mirror }) : [];
  if (newerOnly) {
    const unitVersion = new Map(mirror.units.map((u) => [u.code, u.sourceVersion]));
    const employeeVersion = new Map(mirror.employees.map((e) => [e.employeeNo, e.sourceVersion]));
    const u = newerThanMirror(units, (code) => unitVersion.get(code));
    const e = newerThanMirror(employees, (no) => employeeVersion.get(no));
    units = u.kept;
    employees = e.kept;
    stale = u.stale + e.stale;
  }
  // A partial pull may name a parent or a unit HR has not sent yet (child before parent): hold its place with a
  // version-0 unit named by its code, so the link exists now and the real record, whenever it comes, wins.
  const placeholders: string[] = [];
  if (!full) {
    const known = new Set(mirror.units.map((u) => u.code));
    const referenced = [
      ...[...units.values()].map((u) => u.parentCode),
      ...[...employees.values()].map((e) => e.unitCode),
    ];
    for (const code of referenced) {
      if (!code || known.has(code) || units.has(code)) continue;
      units.set(code, { code, name: code, active: true, version: 0 });
      placeholders.push(code);
    }
  }
  const unitId = new Map(mirror.units.map((u) => [u.code, u.id]));
  const employeeId = new Map(mirror.employees.map((e) => [e.employeeNo, e.id]));
  for (const code of units.keys()) if (!unitId.has(code)) unitId.set(code, newId());
  for (const no of employees.keys()) if (!employeeId.has(no)) employeeId.set(no, newId());

  const { counts: unitCounts, ...unitWrites } = diffHrUnits({
    full,
    units,
    mirror: mirror.units,
    unitId,
    employeeId,
    source,
  });
  const { counts: employeeCounts, ...employeeWrites } = diffHrEmployees({
    full,
    employees,
    mirror: mirror.employees,
    unitId,
    employeeId,
    source,
  });
  return {
    result: { full, units: unitCounts, employees: employeeCounts, stale, placeholders, claims },
    writes: { ...unitWrites, ...employeeWrites },
  };
}
