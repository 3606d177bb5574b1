// A detectConflicts table row and the worlds the rows start from (see detect-conflicts.test.ts).
import { employee } from "@/lib/sync/rules/fixtures";
import { EMPLOYEES, UNITS, synced, type World } from "@/lib/sync/rules/test-world";
import type { SyncPlan } from "@/lib/sync/types";

export type ConflictCase = {
  name: string;
  world: () => World;
  /** "type subjectKey" of every expected conflict. */
  conflicts: string[];
  /** Ops that must be planned (exact list). */
  changes: string[];
  check?: (p: SyncPlan) => void;
};

export const base = () => synced();
export const hrWith = (extra: ReturnType<typeof employee>[], units = UNITS) => ({
  units,
  employees: [...EMPLOYEES, ...extra],
});
