import type { AccountTarget } from "./compute-account-target";
import { findLiveAccount } from "./find-live-account";
import type { SyncIndex } from "./index-sync-input";
import type { UnitTarget } from "./resolve-unit-targets";
import type { GroupRef } from "../types";

/** Groups the employee belongs in; [] = platform has no groups; null = do not create or move. */
export function targetGroups(target: UnitTarget | undefined): GroupRef[] | null {
  if (!target) return null;
  if (target.kind === "group") return [target.ref];
  if (target.kind === "none" && target.reason === "no_groups") return [];
  return null;
}

export type PlansAccountCreateInput = {
  index: SyncIndex;
  employeeNo: string;
  accountTargets: ReadonlyMap<string, AccountTarget>;
  unitTargets: ReadonlyMap<string, UnitTarget>;
  blockedCreates: ReadonlySet<string>;
};

/** Whether this plan creates the employee's account (the account planner's rule, shared with manager references). */
export function plansAccountCreate(input: PlansAccountCreateInput): boolean {
  const { index, employeeNo } = input;
  const employee = index.employeesByNo.get(employeeNo);
  if (!employee || findLiveAccount(index, employeeNo)) return false;
  const kind = input.accountTargets.get(employeeNo)?.kind;
  if (kind !== "active" && kind !== "preboarded") return false;
  const unit = employee.unitCode ? input.unitTargets.get(employee.unitCode) : undefined;
  return targetGroups(unit) !== null && !input.blockedCreates.has(employeeNo);
}
