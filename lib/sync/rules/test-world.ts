// A small synced company for the planner and conflict tests. Not used by production code.

import { EMPTY_IM, EMPTY_MEMORY, NOW, employee, input, mirror, options, unit } from "./fixtures";
import { planSync } from "./plan-sync";
import { simulatePlan } from "./simulate-plan";
import type {
  HrEmployee,
  HrState,
  ImState,
  Mapping,
  PlanOptions,
  SyncMemory,
  SyncPlan,
} from "../types";

// HQ ─┬─ RD ─┬─ FE
//     │      └─ BE
//     └─ SALES
export const UNITS = [
  unit("HQ"),
  unit("RD", "HQ"),
  unit("FE", "RD"),
  unit("BE", "RD"),
  unit("SALES", "HQ"),
];
export const EMPLOYEES = [
  employee("E1", "FE"),
  employee("E2", "BE"),
  employee("E3", "SALES", { title: "Rep" }),
];
export const MAPPINGS = [mirror("HQ")];
export const HR: HrState = { units: UNITS, employees: EMPLOYEES };

export type World = {
  hr: HrState;
  im: ImState;
  memory: SyncMemory;
  mappings: Mapping[];
  options: PlanOptions;
};

/** A world where OrgBridge has already synced `hr` into an empty IM. */
export function synced(
  hr: HrState = HR,
  mappings: Mapping[] = MAPPINGS,
  opts: PlanOptions = options(),
): World {
  const first = planSync(input({ hr, mappings, options: opts }));
  const after = simulatePlan({ im: EMPTY_IM, memory: EMPTY_MEMORY, plan: first });
  return { hr, mappings, options: opts, ...after };
}

export function plan(world: World): SyncPlan {
  return planSync({
    hr: world.hr,
    im: world.im,
    memory: world.memory,
    mappings: world.mappings,
    options: world.options,
  });
}

export function ops(p: SyncPlan): string[] {
  return p.changes.map((c) => `${c.op} ${c.targetKey}`);
}

/** Synced world, then HR changes to `hr` at `at` and that plan is applied; the result is seen at NOW. */
export function stepped(hr: HrState, at: Date = NOW, opts: PlanOptions = options()): World {
  const w = synced(HR, MAPPINGS, opts);
  const p = plan({ ...w, hr, options: { ...opts, now: at } });
  return { ...w, hr, ...simulatePlan({ im: w.im, memory: w.memory, plan: p }) };
}

export function applyAndReplan(world: World, p: SyncPlan): SyncPlan {
  const next = simulatePlan({ im: world.im, memory: world.memory, plan: p });
  return plan({ ...world, ...next });
}

export function withEmployee(hr: HrState, no: string, patch: Partial<HrEmployee> | null): HrState {
  return {
    units: hr.units,
    employees:
      patch === null
        ? hr.employees.filter((e) => e.employeeNo !== no)
        : hr.employees.map((e) => (e.employeeNo === no ? { ...e, ...patch } : e)),
  };
}

export function user(world: World, id: string) {
  return world.im.users.find((u) => u.imUserId === id)!;
}

export function withUser(
  im: ImState,
  id: string,
  patch: Partial<ImState["users"][number]> | null,
): ImState {
  return {
    groups: im.groups,
    users:
      patch === null
        ? im.users.filter((u) => u.imUserId !== id)
        : im.users.map((u) => (u.imUserId === id ? { ...u, ...patch } : u)),
  };
}
