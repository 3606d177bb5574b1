import type { AttributeAuthority } from "../attribute-authority-schema";
import { ACCOUNT_FIELDS } from "./account-fields";
import { authorityAllowsWrite } from "./authority-allows-write";
import { compareAccountFields } from "./compare-account-fields";
import { compareStrings } from "./compare-strings";
import type { AccountTarget } from "./compute-account-target";
import { deleteAt } from "./delete-at";
import { employeeTimeZone } from "./employee-time-zone";
import { encodeSyncedHash } from "./encode-synced-hash";
import { findLiveAccount } from "./find-live-account";
import type { FieldDecision } from "./provision-trace-types";
import { groupRefKey } from "./group-ref-key";
import { hashFieldValues } from "./hash-field-values";
import type { SyncIndex } from "./index-sync-input";
import { parseSyncedProtection, type SyncedFieldHashes } from "./parse-synced-hash";
import { planProtectionSwitches } from "./plan-protection-switches";
import { proposeImUserId } from "./propose-im-user-id";
import type { UnitTarget } from "./resolve-unit-targets";
import type {
  AccountProtection,
  ProtectionSwitches,
  AccountCreateChange,
  AccountDeleteChange,
  AccountDisableChange,
  AccountFieldValues,
  AccountMoveChange,
  AccountState,
  AccountSuspendChange,
  AccountUpdateChange,
  GroupRef,
  HrEmployee,
  MemoryUpdate,
} from "../types";

export type PlanAccountChangesInput = {
  /** Indexed planner input. */
  index: SyncIndex;
  /** Per unit: where its employees go. */
  unitTargets: ReadonlyMap<string, UnitTarget>;
  /** Per employee number (HR and remembered): the account state wanted now. */
  accountTargets: ReadonlyMap<string, AccountTarget>;
  /** Employees whose create a conflict blocks. */
  blockedCreates: ReadonlySet<string>;
  /** "employeeNo#field" writes a conflict blocks. */
  blockedFields: ReadonlySet<string>;
  /** Planning instant. */
  now: Date;
  /** Grace before deleting a disabled account, in calendar days of the employee's zone; null = never. */
  deleteAfterDays: number | null;
  /** Company IANA zone, for employees without a valid zone of their own. */
  timeZone: string;
  /** Which system owns each field after creation; absent = HR wins everywhere. */
  authority?: AttributeAuthority;
  /** Per employee number: platform protection switches privacy rules turn on. */
  protection?: ReadonlyMap<string, AccountProtection>;
  /** "employeeNo#field" values a privacy rule withholds: cleared even where the IM owns the field. */
  withheld?: ReadonlySet<string>;
  /** Collect every per-field decision (for a provision trace). */
  trace?: boolean;
};

export type PlanAccountChangesResult = {
  creates: AccountCreateChange[];
  updates: AccountUpdateChange[];
  moves: AccountMoveChange[];
  /** Suspends and disables. */
  disables: (AccountSuspendChange | AccountDisableChange)[];
  deletes: AccountDeleteChange[];
  memoryUpdates: MemoryUpdate[];
  /** Employees left alone because their unit (or its parent) has not arrived yet. */
  deferredEmployees: number;
  /** Per-field decisions, collected only with `trace`. */
  fieldDecisions: FieldDecision[];
  /** Per employee number: the protection switches an update flips on an existing account. */
  protectionFlips: Map<string, ProtectionSwitches>;
};

/** Account creates, field updates, membership moves and lifecycle transitions, in employee-number order. */
export function planAccountChanges(input: PlanAccountChangesInput): PlanAccountChangesResult {
  const { index, unitTargets, accountTargets, blockedCreates, blockedFields, now } = input;
  const result: PlanAccountChangesResult = {
    creates: [],
    updates: [],
    moves: [],
    disables: [],
    deletes: [],
    memoryUpdates: [],
    deferredEmployees: 0,
    fieldDecisions: [],
    protectionFlips: new Map(),
  };
  const employeeNos = [...accountTargets.keys()].sort(compareStrings);

  for (const no of employeeNos) {
    const target = accountTargets.get(no)!;
    const employee = index.employeesByNo.get(no) ?? null;
    const memory = index.accountsByEmployee.get(no);
    const protection = input.protection?.get(no);
    const remember = (
      patch: { state?: AccountState; syncedHash?: string; disabledAt?: string },
      imUserId: string,
    ) => result.memoryUpdates.push({ kind: "account", employeeNo: no, imUserId, ...patch });

    if (target.kind === "none") continue;

    if (target.kind === "disabled") {
      if (!memory || memory.state === "DELETED") continue;
      const user = index.imUsers.get(memory.imUserId);
      if (!user) {
        remember({ state: "DELETED" }, memory.imUserId);
        continue;
      }
      if (user.enabled) {
        result.disables.push({
          op: "account.disable",
          targetType: "im_account",
          targetKey: no,
          before: { state: memory.state },
          after: {
            imUserId: user.imUserId,
            state: "DISABLED",
            effectiveAt: target.effectiveAt,
            reason: target.reason,
          },
        });
      } else if (memory.state !== "DISABLED") {
        remember(
          { state: "DISABLED", disabledAt: memory.disabledAt ?? target.effectiveAt },
          user.imUserId,
        );
      }
      const graceFrom = memory.disabledAt ?? target.effectiveAt;
      if (
        input.deleteAfterDays !== null &&
        now.getTime() >=
          deleteAt(graceFrom, input.deleteAfterDays, employeeTimeZone(employee, input.timeZone))
      ) {
        result.deletes.push({
          op: "account.delete",
          targetType: "im_account",
          targetKey: no,
          before: { state: memory.state, disabledAt: graceFrom },
          after: { imUserId: user.imUserId, state: "DELETED" },
        });
      }
      continue;
    }

    // active or suspended: the employee is in HR.
    const e = employee!;
    const unitTarget = e.unitCode ? unitTargets.get(e.unitCode) : undefined;
    if (
      e.unitCode &&
      (!unitTarget || (unitTarget.kind === "none" && unitTarget.reason === "deferred"))
    ) {
      result.deferredEmployees++;
    }
    const groups = targetGroups(unitTarget);
    const live = findLiveAccount(index, no);

    if (!live) {
      const preboard = target.kind === "preboarded";
      if ((target.kind !== "active" && !preboard) || groups === null || blockedCreates.has(no))
        continue;
      const fields = fieldValues(e);
      if (input.trace)
        for (const field of ACCOUNT_FIELDS)
          result.fieldDecisions.push({
            employeeNo: no,
            field,
            outcome: "written",
            reason: input.withheld?.has(`${no}#${field}`)
              ? "privacy"
              : (input.authority?.[field] ?? "hr_wins"),
            creating: true,
          });
      result.creates.push({
        op: "account.create",
        targetType: "im_account",
        targetKey: no,
        before: null,
        after: {
          imUserId: memory && memory.state !== "DELETED" ? memory.imUserId : proposeImUserId(e),
          fields,
          groups,
          syncedHash: encodeSyncedHash(hashFieldValues(fields), protection),
          ...(preboard ? { enableAt: target.enableAt } : {}),
          ...(protection ? { protection } : {}),
        },
      });
      continue;
    }

    const { user } = live;
    const comparisons = compareAccountFields(e, user, live.memory.syncedHash);
    const set: AccountFieldValues = {};
    const before: AccountFieldValues = {};
    const hashes = {} as SyncedFieldHashes;
    for (const c of comparisons) {
      // Privacy outranks ownership: an IM-owned value a rule hides must still leave the directory.
      const writable =
        input.withheld?.has(`${no}#${c.field}`) ||
        authorityAllowsWrite({
          mode: input.authority?.[c.field] ?? "hr_wins",
          creating: false,
          // Title is write-only on IM: its current value is unknown, never known to be blank.
          imBlank: c.field !== "title" && c.imValue === "",
        });
      const blocked = blockedFields.has(`${no}#${c.field}`);
      if (input.trace)
        result.fieldDecisions.push(fieldDecision(no, c.field, c.result, writable, blocked, input));
      if (c.result === "apply_hr" && writable && !blocked) {
        set[c.field] = c.hrValue;
        before[c.field] = c.imValue;
        hashes[c.field] = hashFieldValues({ [c.field]: c.hrValue })[c.field];
      } else {
        hashes[c.field] = c.keep;
      }
    }
    // The switches are part of what is synced: the hash remembers those on, so a rule added later
    // turns them on and a rule removed turns them off, each with one update.
    const syncedHash = encodeSyncedHash(hashes, protection);
    const flip = planProtectionSwitches(parseSyncedProtection(live.memory.syncedHash), protection);
    if (flip) result.protectionFlips.set(no, flip.after);
    const enable = target.kind === "active" && !user.enabled;
    const update = Object.keys(set).length > 0 || enable || flip !== null;
    if (update) {
      result.updates.push({
        op: "account.update",
        targetType: "im_account",
        targetKey: no,
        before: {
          fields: before,
          ...(enable ? { enabled: false } : {}),
          ...(flip ? { protection: flip.before } : {}),
        },
        after: {
          imUserId: user.imUserId,
          fields: set,
          ...(enable ? { enabled: true as const } : {}),
          // Before the long hash, so the change log's shortened JSON still shows the flip.
          ...(flip ? { protection: flip.after } : {}),
          syncedHash,
        },
      });
    }
    const memoryPatch: { state?: AccountState; syncedHash?: string } = {};
    if (!update && syncedHash !== live.memory.syncedHash) {
      memoryPatch.syncedHash = syncedHash;
    }
    if (target.kind === "suspended") {
      if (user.enabled) {
        result.disables.push({
          op: "account.suspend",
          targetType: "im_account",
          targetKey: no,
          before: { state: live.memory.state },
          after: { imUserId: user.imUserId, state: "SUSPENDED" },
        });
      } else if (live.memory.state !== "SUSPENDED") {
        memoryPatch.state = "SUSPENDED";
      }
    } else if (target.kind === "preboarded") {
      // Held disabled until the first day starts; an account someone enabled early is left to them.
      if (!user.enabled && live.memory.state !== "PENDING") memoryPatch.state = "PENDING";
    } else if (!enable && live.memory.state !== "ACTIVE") {
      memoryPatch.state = "ACTIVE";
    }
    if (memoryPatch.state || memoryPatch.syncedHash) remember(memoryPatch, user.imUserId);

    const movable = authorityAllowsWrite({
      mode: input.authority?.department ?? "hr_wins",
      creating: false,
      imBlank: user.groupIds.length === 0,
    });
    if (groups && groups.length > 0 && movable) {
      const current = new Set(user.groupIds);
      const wanted = new Set(groups.map(groupRefKey));
      const add = groups.filter((g) => !("externalId" in g) || !current.has(g.externalId));
      const remove = [...current]
        .filter((id) => index.managedGroupIds.has(id) && !wanted.has(id))
        .sort(compareStrings);
      if (add.length > 0 || remove.length > 0) {
        result.moves.push({
          op: "account.move",
          targetType: "im_account",
          targetKey: no,
          before: { groupIds: [...user.groupIds].sort(compareStrings) },
          after: { imUserId: user.imUserId, add, remove },
        });
      }
    }
  }
  return result;
}

/** Groups the employee belongs in; [] = platform has no groups; null = do not create or move. */
function targetGroups(target: UnitTarget | undefined): GroupRef[] | null {
  if (!target) return null;
  if (target.kind === "group") return [target.ref];
  if (target.kind === "none" && target.reason === "no_groups") return [];
  return null;
}

function fieldValues(e: HrEmployee): AccountFieldValues {
  const values: AccountFieldValues = {};
  for (const field of ACCOUNT_FIELDS) {
    const value = e[field];
    if (value !== undefined && value !== "") values[field] = value;
  }
  return values;
}

function fieldDecision(
  employeeNo: string,
  field: FieldDecision["field"],
  result: string,
  writable: boolean,
  blocked: boolean,
  input: PlanAccountChangesInput,
): FieldDecision {
  const mode = input.authority?.[field] ?? "hr_wins";
  const base = { employeeNo, field, creating: false };
  if (result === "in_sync") return { ...base, outcome: "in_sync", reason: mode };
  if (result !== "apply_hr") return { ...base, outcome: "kept", reason: result };
  if (blocked) return { ...base, outcome: "kept", reason: "conflict" };
  if (!writable) return { ...base, outcome: "kept", reason: mode };
  const withheld = input.withheld?.has(`${employeeNo}#${field}`);
  return { ...base, outcome: "written", reason: withheld ? "privacy" : mode };
}
