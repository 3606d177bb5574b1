import { buildConflict } from "@/lib/conflicts/rules/build-conflict";
import type { Conflict, ManagerOutOfScopeReason } from "@/lib/conflicts/types";
import type { AccountTarget } from "./compute-account-target";
import { findLiveAccount } from "./find-live-account";
import { findManagerCycles } from "./find-manager-cycles";
import type { SyncIndex } from "./index-sync-input";
import { proposeImUserId } from "./propose-im-user-id";
import type { UnitTarget } from "./resolve-unit-targets";
import { plansAccountCreate, targetGroups } from "./target-groups";
import type { AccountMemory, HrEmployee } from "../types";

/** What the planner does about one account's manager. */
export type ManagerDecision =
  /** The platform has no manager field: nothing is written or remembered. */
  | { kind: "unsupported" }
  /** HR names no manager: the IM's is cleared (under the manager's authority). */
  | { kind: "none" }
  /** Write this IM user; `pending`: the manager's account is created earlier in this run. */
  | { kind: "set"; managerNo: string; imUserId: string; pending: boolean }
  /** Not written (a conflict says why): a new account gets none, an existing one keeps the IM's. */
  | { kind: "conflict"; managerNo: string; reason: "cycle" | ManagerOutOfScopeReason };

export type ResolveManagersInput = {
  /** Indexed planner input (the employees the plan covers). */
  index: SyncIndex;
  /** Incremental runs: manager-chain employees outside the scope, and their remembered accounts. */
  related?: { employees: HrEmployee[]; accounts: AccountMemory[] };
  /** Account targets of the planned employees. */
  accountTargets: ReadonlyMap<string, AccountTarget>;
  /** Account targets of the related employees. */
  relatedTargets: ReadonlyMap<string, AccountTarget>;
  unitTargets: ReadonlyMap<string, UnitTarget>;
  /** Creates a conflict holds back. */
  blockedCreates: ReadonlySet<string>;
  /** The platform stores managers. */
  managerField: boolean;
  /** Fingerprint scope (connection id). */
  scope?: string;
};

export type ResolveManagersResult = {
  /** Per planned employee whose account exists or is created in this run. */
  decisions: Map<string, ManagerDecision>;
  /** manager_cycle and manager_out_of_scope, one per report. */
  conflicts: Conflict[];
};

const REASON_TEXT: Record<ManagerOutOfScopeReason, string> = {
  not_in_hr: "not in the HR directory",
  terminated: "has left",
  not_synced: "their unit is not synced to this IM",
  no_account: "has no account on this IM yet",
};

/**
 * Resolves every account's manager to an IM user id: one that exists, or one this run creates (the
 * report's create or update is then ordered after it). A manager chain that loops (A→B→A, or oneself)
 * and a manager this IM target does not have (not in HR, left, unit excluded or unmapped, no account)
 * become conflicts naming the report, never a silent blank.
 */
export function resolveManagers(input: ResolveManagersInput): ResolveManagersResult {
  const { index, accountTargets, unitTargets, scope } = input;
  const decisions = new Map<string, ManagerDecision>();
  const conflicts: Conflict[] = [];
  const relatedEmployees = new Map(input.related?.employees.map((e) => [e.employeeNo, e]));
  const relatedAccounts = new Map(input.related?.accounts.map((a) => [a.employeeNo, a]));
  const employeeOf = (no: string) => index.employeesByNo.get(no) ?? relatedEmployees.get(no);
  const managerOf = (no: string) => employeeOf(no)?.managerNo?.trim() || undefined;
  const creates = (no: string) =>
    plansAccountCreate({
      index,
      employeeNo: no,
      accountTargets,
      unitTargets,
      blockedCreates: input.blockedCreates,
    });
  const cycles = input.managerField
    ? findManagerCycles([...index.employeesByNo.keys(), ...relatedEmployees.keys()], managerOf)
    : new Map<string, string[]>();

  for (const e of index.employees) {
    const no = e.employeeNo;
    const kind = accountTargets.get(no)?.kind;
    if (kind !== "active" && kind !== "suspended" && kind !== "preboarded") continue;
    if (!findLiveAccount(index, no) && !creates(no)) continue;
    if (!input.managerField) {
      decisions.set(no, { kind: "unsupported" });
      continue;
    }
    const managerNo = managerOf(no);
    if (!managerNo) {
      decisions.set(no, { kind: "none" });
      continue;
    }
    const cycle = cycles.get(no);
    if (cycle) {
      decisions.set(no, { kind: "conflict", managerNo, reason: "cycle" });
      conflicts.push(
        buildConflict({
          type: "manager_cycle",
          subjectKey: no,
          hrValue: { employeeNo: no, managerNo, cycle },
          imValue: null,
          detail: `The manager chain of ${no} loops back to them (${[...cycle, no].join(" → ")}); their manager is not written.`,
          scope,
        }),
      );
      continue;
    }
    const found = locateManager(managerNo);
    if ("imUserId" in found) {
      decisions.set(no, { kind: "set", managerNo, ...found });
      continue;
    }
    decisions.set(no, { kind: "conflict", managerNo, reason: found.reason });
    conflicts.push(
      buildConflict({
        type: "manager_out_of_scope",
        subjectKey: no,
        hrValue: { employeeNo: no, managerNo, reason: found.reason },
        imValue: null,
        detail: `Manager ${managerNo} of ${no} ${REASON_TEXT[found.reason]}; their manager is not written.`,
        scope,
      }),
    );
  }
  return { decisions, conflicts };

  function locateManager(
    managerNo: string,
  ): { imUserId: string; pending: boolean } | { reason: ManagerOutOfScopeReason } {
    const m = employeeOf(managerNo);
    if (!m) return { reason: "not_in_hr" };
    const planned = index.employeesByNo.has(managerNo);
    const target = planned ? accountTargets.get(managerNo) : input.relatedTargets.get(managerNo);
    if (m.status === "terminated" || target?.kind === "disabled") return { reason: "terminated" };
    if (planned) {
      const live = findLiveAccount(index, managerNo);
      if (live) return { imUserId: live.user.imUserId, pending: false };
      if (creates(managerNo)) return { imUserId: newAccountId(m, index), pending: true };
    } else {
      // Outside an incremental run's scope the IM is not read: the remembered link stands for it.
      const memory = relatedAccounts.get(managerNo);
      if (memory && memory.state !== "DELETED" && memory.state !== "FAILED")
        return { imUserId: memory.imUserId, pending: false };
    }
    const unit = m.unitCode ? unitTargets.get(m.unitCode) : undefined;
    const deferred = unit?.kind === "none" && unit.reason === "deferred";
    return { reason: targetGroups(unit) === null && !deferred ? "not_synced" : "no_account" };
  }
}

/** The IM user id an account.create uses: the remembered one (re-creating a lost account), else a new one. */
export function newAccountId(employee: HrEmployee, index: SyncIndex): string {
  const memory = index.accountsByEmployee.get(employee.employeeNo);
  return memory && memory.state !== "DELETED" ? memory.imUserId : proposeImUserId(employee);
}
