import { buildConflict } from "@/lib/conflicts/rules/build-conflict";
import { detectConflicts } from "@/lib/conflicts/rules/detect-conflicts";
import { applyDirectoryPrivacy } from "./apply-directory-privacy";
import { dropUnownedConflicts } from "./drop-unowned-conflicts";
import type { Conflict, ConflictType } from "@/lib/conflicts/types";
import { compareStrings } from "./compare-strings";
import { computeAccountTarget, type AccountTarget } from "./compute-account-target";
import { evaluateSafetyThreshold } from "./evaluate-safety-threshold";
import { explainEmployee } from "./explain-employee";
import { indexSyncInput } from "./index-sync-input";
import { planAccountChanges } from "./plan-account-changes";
import { planGroupChanges } from "./plan-group-changes";
import { planGroupDeletes } from "./plan-group-deletes";
import { orderCreatesByManager } from "./order-creates-by-manager";
import { resolveManagers } from "./resolve-managers";
import { resolveTransfer, type TransferState } from "./resolve-transfer";
import { resolveUnitTargets } from "./resolve-unit-targets";
import { stableHash } from "./stable-hash";
import type { ChangeOp, PlanInput, PlannedChange, SyncPlan } from "../types";

const OPS: ChangeOp[] = [
  "group.create",
  "group.rename",
  "group.move",
  "account.create",
  "account.update",
  "account.move",
  "account.suspend",
  "account.disable",
  "account.delete",
  "group.delete",
];

const CONFLICT_ORDER: ConflictType[] = [
  "deletion_threshold",
  "mapping_group_deleted",
  "depth_exceeded",
  "invalid_group_name",
  "unmapped_unit",
  "im_group_renamed",
  "im_group_moved",
  "group_not_empty",
  "duplicate_contact",
  "account_owned_by_other",
  "both_changed",
  "manager_cycle",
  "manager_out_of_scope",
  "orphan_im_user",
];

/**
 * Plans one sync run: compares the full HR directory with IM and OrgBridge's
 * memory, and returns the changes (in apply order), the memory-only updates,
 * the conflicts, and whether the run must wait for approval. Pure and
 * deterministic: the same input in any order gives the same plan.
 */
export function planSync(input: PlanInput): SyncPlan {
  const { options } = input;
  const scope = options.fingerprintScope;
  // A transfer whose day has begun moves the employee before anything else looks at their unit.
  const transfers = new Map<string, TransferState>();
  const hrEmployees = input.hr.employees.map((employee) => {
    const r = resolveTransfer({ employee, now: options.now, companyTimeZone: options.timeZone });
    if (r.transfer) transfers.set(employee.employeeNo, r.transfer);
    return r.employee;
  });
  // Privacy masks what HR says before anything compares it, so the diff sends the masked values.
  const privacy = options.privacy
    ? applyDirectoryPrivacy({
        units: input.hr.units,
        employees: hrEmployees,
        ...options.privacy,
      })
    : null;
  const index = indexSyncInput({
    ...input,
    hr: { ...input.hr, employees: privacy ? privacy.employees : hrEmployees },
  });
  const unitTargets = resolveUnitTargets({
    units: index.units,
    mappings: index.mappings,
    imGroups: index.imGroups,
    memory: input.memory,
    capabilities: options.capabilities,
    nameRules: options.nameRules,
  });

  const accountTargets = new Map<string, AccountTarget>();
  const targetOf = (employeeNo: string) =>
    computeAccountTarget({
      employee: index.employeesByNo.get(employeeNo) ?? null,
      lifecycle: options.lifecycle,
      now: options.now,
      timeZone: options.timeZone,
      canPreboardDisabled: options.capabilities.canDisableUser !== false,
    });
  for (const e of index.employees) accountTargets.set(e.employeeNo, targetOf(e.employeeNo));
  for (const no of index.accountsByEmployee.keys())
    if (!accountTargets.has(no)) accountTargets.set(no, targetOf(no));
  const relatedTargets = new Map<string, AccountTarget>();
  for (const e of input.related?.employees ?? [])
    relatedTargets.set(
      e.employeeNo,
      computeAccountTarget({
        employee: e,
        lifecycle: options.lifecycle,
        now: options.now,
        timeZone: options.timeZone,
        canPreboardDisabled: options.capabilities.canDisableUser !== false,
      }),
    );

  const detected = dropUnownedConflicts(
    detectConflicts({ index, unitTargets, accountTargets, scope }),
    options.authority,
  );
  const managers = resolveManagers({
    index,
    related: input.related,
    accountTargets,
    relatedTargets,
    unitTargets,
    blockedCreates: detected.blockedCreates,
    managerField: options.capabilities.managerField === true,
    scope,
  });
  const groups = planGroupChanges({ index, unitTargets });
  const accounts = planAccountChanges({
    index,
    unitTargets,
    accountTargets,
    blockedCreates: detected.blockedCreates,
    blockedFields: detected.blockedFields,
    now: options.now,
    deleteAfterDays: options.lifecycle.deleteAfterDays,
    timeZone: options.timeZone,
    ...(options.authority ? { authority: options.authority } : {}),
    ...(privacy ? { protection: privacy.protection, withheld: privacy.withheld } : {}),
    managers: managers.decisions,
    ...(options.trace ? { trace: true } : {}),
  });
  const groupMoves = groups.updates.filter((c) => c.op === "group.move");
  const deletes = planGroupDeletes({
    index,
    unitTargets,
    groupMoves,
    accountMoves: accounts.moves,
    accountDeletes: accounts.deletes,
    scope,
    ...(input.im.memberships ? { memberships: input.im.memberships } : {}),
  });

  const depthOf = (unitCode: string) => {
    const t = unitTargets.get(unitCode);
    return t?.kind === "group" ? t.depth : 0;
  };
  const byKey = (a: PlannedChange, b: PlannedChange) => compareStrings(a.targetKey, b.targetKey);
  const changes: PlannedChange[] = [
    ...groups.creates,
    ...[...groups.updates].sort(
      (a, b) =>
        depthOf(a.targetKey) - depthOf(b.targetKey) || byKey(a, b) || compareStrings(a.op, b.op),
    ),
    ...orderCreatesByManager(accounts.creates),
    ...accounts.updates,
    ...accounts.moves,
    ...accounts.disables,
    ...accounts.deletes,
    ...deletes.deletes,
  ];

  const counts = Object.fromEntries(OPS.map((op) => [op, 0])) as Record<ChangeOp, number>;
  for (const c of changes) counts[c.op]++;
  const destructive = counts["account.disable"] + counts["account.delete"];
  let managedAccounts = 0;
  for (const a of index.accountsByEmployee.values()) {
    if (a.state === "PENDING" || a.state === "ACTIVE" || a.state === "SUSPENDED") managedAccounts++;
  }
  if (options.managedAccountsTotal !== undefined)
    managedAccounts = Math.max(managedAccounts, options.managedAccountsTotal);
  const safety = evaluateSafetyThreshold({
    destructive,
    managedAccounts,
    threshold: options.safety,
  });

  const conflicts: Conflict[] = [
    ...detected.conflicts,
    ...managers.conflicts,
    ...deletes.conflicts,
  ];
  if (safety.held) {
    const keys = changes
      .filter((c) => c.op === "account.disable" || c.op === "account.delete")
      .map((c) => `${c.op}:${c.targetKey}`);
    conflicts.push(
      buildConflict({
        type: "deletion_threshold",
        // Same set of disables/deletes → same fingerprint, so a replan finds the pending approval.
        subjectKey: `destructive:${stableHash(keys.join("\n"))}`,
        hrValue: { destructive, limit: safety.limit, managedAccounts },
        imValue: null,
        detail: `${destructive} accounts would be disabled or deleted; the limit is ${safety.limit}. Approve to proceed.`,
        scope,
      }),
    );
  }
  const rank = new Map(CONFLICT_ORDER.map((t, i) => [t, i]));
  conflicts.sort(
    (a, b) => rank.get(a.type)! - rank.get(b.type)! || compareStrings(a.subjectKey, b.subjectKey),
  );
  const conflictCounts: Record<string, number> = {};
  for (const c of conflicts) conflictCounts[c.type] = (conflictCounts[c.type] ?? 0) + 1;

  let deferredUnits = 0;
  for (const t of unitTargets.values())
    if (t.kind === "none" && t.reason === "deferred") deferredUnits++;

  const traces = options.trace
    ? index.employees.map((e) =>
        explainEmployee(e.employeeNo, e.unitCode, {
          unitTargets,
          accountTargets,
          privacy,
          blockedCreates: detected.blockedCreates,
          fieldDecisions: accounts.fieldDecisions,
          managerTraces: accounts.managerTraces,
          transfers,
          protectionFlips: accounts.protectionFlips,
        }),
      )
    : undefined;

  return {
    ...(traces ? { traces } : {}),
    changes,
    memoryUpdates: [...groups.memoryUpdates, ...accounts.memoryUpdates, ...deletes.memoryUpdates],
    conflicts,
    summary: {
      counts,
      total: changes.length,
      conflicts: conflictCounts,
      managedAccounts,
      destructive,
      destructiveLimit: safety.limit,
      held: safety.held,
      deferredUnits,
      deferredEmployees: accounts.deferredEmployees,
    },
  };
}
