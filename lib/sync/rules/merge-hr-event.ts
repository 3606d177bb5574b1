import type { HrEmployee, HrUnit } from "../types";

export type HrEvent =
  | { id: string; kind: "unit.upsert"; version: number; unit: HrUnit }
  | { id: string; kind: "unit.delete"; version: number; code: string }
  | { id: string; kind: "employee.upsert"; version: number; employee: HrEmployee }
  | { id: string; kind: "employee.delete"; version: number; employeeNo: string };

/** A record with the source version that produced it; value null = deleted (kept so older upserts stay dead). */
export type Versioned<T> = { version: number; value: T | null };

export type HrMirror = {
  /** Org units by code. */
  units: ReadonlyMap<string, Versioned<HrUnit>>;
  /** Employees by employee number. */
  employees: ReadonlyMap<string, Versioned<HrEmployee>>;
};

export type MergeHrEventResult = {
  /** The mirror after the event(s) (the input is not modified). */
  mirror: HrMirror;
  /** Ids of events that changed the mirror. */
  applied: string[];
  /** Ids of events ignored because the mirror already holds that version or a newer one. */
  stale: string[];
};

/**
 * Applies HR change events — one, or a batch for one map copy — that may arrive
 * late, twice, or out of order. Each event carries the full record and the
 * source's version for it; the highest version wins, so any delivery order converges to the same mirror (an update
 * seen before its create simply makes the create stale). Parents need not exist:
 * a unit whose parent has not arrived yet is stored, and the planner defers it.
 */
export function mergeHrEvent(
  mirror: HrMirror,
  input: HrEvent | readonly HrEvent[],
): MergeHrEventResult {
  const events: readonly HrEvent[] = Array.isArray(input) ? input : [input as HrEvent];
  const units = new Map(mirror.units);
  const employees = new Map(mirror.employees);
  const applied: string[] = [];
  const stale: string[] = [];
  for (const event of events) {
    const isUnit = event.kind === "unit.upsert" || event.kind === "unit.delete";
    const key =
      event.kind === "unit.upsert"
        ? event.unit.code
        : event.kind === "unit.delete"
          ? event.code
          : event.kind === "employee.upsert"
            ? event.employee.employeeNo
            : event.employeeNo;
    const current = isUnit ? units.get(key) : employees.get(key);
    // Equal versions are duplicates (at-least-once delivery), not updates.
    if (current && current.version >= event.version) {
      stale.push(event.id);
      continue;
    }
    applied.push(event.id);
    if (event.kind === "unit.upsert") units.set(key, { version: event.version, value: event.unit });
    else if (event.kind === "unit.delete") units.set(key, { version: event.version, value: null });
    else if (event.kind === "employee.upsert")
      employees.set(key, { version: event.version, value: event.employee });
    else employees.set(key, { version: event.version, value: null });
  }
  return { mirror: { units, employees }, applied, stale };
}
