import { compareAccountFields } from "@/lib/sync/rules/compare-account-fields";
import { compareGroupState } from "@/lib/sync/rules/compare-group-state";
import type { AccountTarget } from "@/lib/sync/rules/compute-account-target";
import { findLiveAccount } from "@/lib/sync/rules/find-live-account";
import type { SyncIndex } from "@/lib/sync/rules/index-sync-input";
import { normalizeContact } from "@/lib/sync/rules/normalize-contact";
import { proposeImUserId } from "@/lib/sync/rules/propose-im-user-id";
import type { UnitTarget } from "@/lib/sync/rules/resolve-unit-targets";
import type { HrEmployee } from "@/lib/sync/types";
import { buildConflict } from "./build-conflict";
import type { Conflict, ContactField } from "../types";

export type DetectConflictsInput = {
  /** Sorted, indexed planner input. */
  index: SyncIndex;
  /** Per unit: where its employees go. */
  unitTargets: ReadonlyMap<string, UnitTarget>;
  /** Per employee number: the account state wanted now. */
  accountTargets: ReadonlyMap<string, AccountTarget>;
  /** Fingerprint scope (connection id). */
  scope?: string;
};

export type DetectConflictsResult = {
  /** Conflicts found, in detection order (the planner sorts the final list). */
  conflicts: Conflict[];
  /** Employees whose account must not be created. */
  blockedCreates: Set<string>;
  /** "employeeNo#field" entries that must not be written. */
  blockedFields: Set<string>;
};

const SAMPLE = 20;

/**
 * Finds what the planner must not decide alone, and which account creates and
 * field writes those conflicts block. Group rename/move conflicts block through
 * compareGroupState, which the planner shares. Conflicts that only exist after
 * planning (group_not_empty, deletion_threshold) are raised by the planner.
 */
export function detectConflicts(input: DetectConflictsInput): DetectConflictsResult {
  const { index, unitTargets, accountTargets, scope } = input;
  const conflicts: Conflict[] = [];
  const blockedCreates = new Set<string>();
  const blockedFields = new Set<string>();
  const wantsAccount = (e: HrEmployee) => {
    const kind = accountTargets.get(e.employeeNo)?.kind;
    return kind === "active" || kind === "suspended";
  };

  // Unit-level: blocked targets and employees with nowhere to go.
  const reportedLinks = new Set<string>();
  for (const target of unitTargets.values()) {
    if (target.kind !== "blocked") continue;
    if (target.reason === "depth_exceeded") {
      conflicts.push(
        buildConflict({
          type: "depth_exceeded",
          subjectKey: target.unitCode,
          hrValue: { unitCode: target.unitCode, depth: target.depth!, maxDepth: target.maxDepth! },
          imValue: null,
          detail: `Unit ${target.unitCode} would be IM level ${target.depth}, deeper than the platform allows; its subtree is not synced.`,
          scope,
        }),
      );
    } else if (target.reason === "invalid_name") {
      const e = target.nameError!;
      conflicts.push(
        buildConflict({
          type: "invalid_group_name",
          subjectKey: target.unitCode,
          hrValue: { unitCode: target.unitCode, template: e.template, error: e.error },
          imValue: null,
          detail: `Group name for unit ${target.unitCode} is invalid: ${e.message}`,
          scope,
        }),
      );
    } else if (target.reason === "link_missing" && !reportedLinks.has(target.link!.orgUnitCode)) {
      const link = target.link!;
      reportedLinks.add(link.orgUnitCode);
      conflicts.push(
        buildConflict({
          type: "mapping_group_deleted",
          subjectKey: link.orgUnitCode,
          hrValue: { orgUnitCode: link.orgUnitCode },
          imValue: { imGroupExternalId: link.imGroupExternalId },
          detail: link.imGroupExternalId
            ? `Mapping of ${link.orgUnitCode} links IM group ${link.imGroupExternalId}, which no longer exists.`
            : `Mapping of ${link.orgUnitCode} is LINK but names no IM group.`,
          scope,
        }),
      );
    }
  }

  const homeless = new Map<
    string,
    { reason: "no_mapping" | "inactive" | "no_unit"; employeeNos: string[] }
  >();
  for (const e of index.employees) {
    if (!wantsAccount(e)) continue;
    const target = e.unitCode ? unitTargets.get(e.unitCode) : undefined;
    let reason: "no_mapping" | "inactive" | "no_unit" | null = null;
    if (!e.unitCode) reason = "no_unit";
    else if (target?.kind === "none" && target.reason === "unmapped") reason = "no_mapping";
    else if (target?.kind === "none" && target.reason === "inactive") reason = "inactive";
    if (!reason) continue;
    const key = e.unitCode ?? "";
    const entry = homeless.get(key) ?? { reason, employeeNos: [] };
    entry.employeeNos.push(e.employeeNo);
    homeless.set(key, entry);
  }
  for (const [unitCode, { reason, employeeNos }] of homeless) {
    conflicts.push(
      buildConflict({
        type: "unmapped_unit",
        subjectKey: unitCode,
        hrValue: {
          unitCode,
          reason,
          employeeCount: employeeNos.length,
          sample: employeeNos.slice(0, SAMPLE),
        },
        imValue: null,
        detail:
          reason === "no_unit"
            ? `${employeeNos.length} active employee(s) have no org unit.`
            : reason === "inactive"
              ? `${employeeNos.length} active employee(s) belong to closed unit ${unitCode}.`
              : `${employeeNos.length} active employee(s) belong to unit ${unitCode}, which no mapping governs.`,
        scope,
      }),
    );
  }

  // Group-level: hand edits in IM to groups OrgBridge mirrors.
  for (const target of unitTargets.values()) {
    if (target.kind !== "group" || !target.mirror?.externalId) continue;
    const group = index.imGroups.get(target.mirror.externalId)!;
    const state = compareGroupState({
      target: target.mirror,
      group,
      memory: index.groupMemory.get(group.externalId),
    });
    if (state.name === "conflict") {
      const last = index.groupMemory.get(group.externalId)!;
      conflicts.push(
        buildConflict({
          type: "im_group_renamed",
          subjectKey: group.externalId,
          hrValue: { unitCode: target.unitCode, name: target.mirror.name },
          imValue: { name: group.name, lastSyncedName: last.name },
          detail: `IM group ${group.externalId} was renamed to "${group.name}" in IM; HR says "${target.mirror.name}".`,
          scope,
        }),
      );
    }
    if (state.parent === "conflict") {
      const last = index.groupMemory.get(group.externalId)!;
      conflicts.push(
        buildConflict({
          type: "im_group_moved",
          subjectKey: group.externalId,
          hrValue: { unitCode: target.unitCode, parent: target.mirror.parent },
          imValue: {
            parentExternalId: group.parentExternalId ?? null,
            lastSyncedParentExternalId: last.parentExternalId ?? null,
          },
          detail: `IM group ${group.externalId} was moved by hand in IM; HR places it elsewhere.`,
          scope,
        }),
      );
    }
  }

  // HR-internal duplicates: two people wanting an account with the same contact.
  const duplicated = new Map<string, Set<string>>();
  for (const field of ["email", "mobile"] as ContactField[]) {
    const byValue = field === "email" ? index.hrByEmail : index.hrByMobile;
    for (const [value, employeeNos] of byValue) {
      const live = employeeNos.filter((no) => wantsAccount(index.employeesByNo.get(no)!));
      if (live.length < 2) continue;
      conflicts.push(
        buildConflict({
          type: "duplicate_contact",
          subjectKey: `${field}:${value}`,
          hrValue: { field, value, employeeNos: live },
          imValue: null,
          detail: `${live.length} employees share the ${field} ${value} in HR (${live.join(", ")}).`,
          scope,
        }),
      );
      for (const no of live) {
        const set = duplicated.get(no) ?? new Set<string>();
        set.add(field);
        duplicated.set(no, set);
      }
    }
  }

  // Per employee: both sides changed, or someone else in IM owns the contact.
  const ownedBy = (
    field: ContactField,
    value: string | undefined,
    exceptId: string | undefined,
  ): string[] => {
    const key = normalizeContact(field, value);
    if (!key) return [];
    const ids = (field === "email" ? index.imUsersByEmail : index.imUsersByMobile).get(key) ?? [];
    return ids.filter((id) => id !== exceptId);
  };
  for (const e of index.employees) {
    if (!wantsAccount(e)) continue;
    const dupFields = duplicated.get(e.employeeNo);
    const live = findLiveAccount(index, e.employeeNo);
    const owners = new Map<string, Set<"email" | "mobile" | "imUserId">>();
    const addOwner = (id: string, on: "email" | "mobile" | "imUserId") => {
      const set = owners.get(id) ?? new Set();
      set.add(on);
      owners.set(id, set);
    };
    if (live) {
      for (const c of compareAccountFields(e, live.user, live.memory.syncedHash)) {
        const key = `${e.employeeNo}#${c.field}`;
        if (c.result === "conflict") {
          blockedFields.add(key);
          conflicts.push(
            buildConflict({
              type: "both_changed",
              subjectKey: key,
              hrValue: { employeeNo: e.employeeNo, field: c.field, value: c.hrValue },
              imValue: { imUserId: live.user.imUserId, value: c.imValue },
              detail: `${c.field} of ${e.employeeNo} changed in HR and in IM since the last sync.`,
              scope,
            }),
          );
          continue;
        }
        if (c.result !== "apply_hr" || (c.field !== "email" && c.field !== "mobile")) continue;
        if (dupFields?.has(c.field)) {
          blockedFields.add(key);
          continue;
        }
        const others = ownedBy(c.field, c.hrValue, live.user.imUserId);
        if (others.length > 0) {
          blockedFields.add(key);
          for (const id of others) addOwner(id, c.field);
        }
      }
    } else {
      const target = e.unitCode ? unitTargets.get(e.unitCode) : undefined;
      const creatable =
        accountTargets.get(e.employeeNo)?.kind === "active" &&
        (target?.kind === "group" || (target?.kind === "none" && target.reason === "no_groups"));
      if (!creatable) continue;
      if (dupFields) blockedCreates.add(e.employeeNo);
      const remembered = index.accountsByEmployee.get(e.employeeNo);
      const ownId = remembered && remembered.state !== "DELETED" ? remembered.imUserId : undefined;
      for (const field of ["email", "mobile"] as ContactField[]) {
        for (const id of ownedBy(field, e[field], ownId)) addOwner(id, field);
      }
      const sameId = index.imUsersByLowerId.get(proposeImUserId(e).toLowerCase());
      if (sameId && sameId !== ownId) addOwner(sameId, "imUserId");
      if (owners.size > 0) blockedCreates.add(e.employeeNo);
    }
    if (owners.size > 0) {
      const list = [...owners.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([imUserId, on]) => ({
          imUserId,
          name: index.imUsers.get(imUserId)!.name,
          matchedOn: [...on].sort(),
        }));
      conflicts.push(
        buildConflict({
          type: "account_owned_by_other",
          subjectKey: e.employeeNo,
          hrValue: {
            employeeNo: e.employeeNo,
            ...(e.email ? { email: e.email } : {}),
            ...(e.mobile ? { mobile: e.mobile } : {}),
            proposedImUserId: proposeImUserId(e),
            ...(live ? { linkedImUserId: live.user.imUserId } : {}),
          },
          imValue: { owners: list },
          detail: `IM user(s) ${list.map((o) => o.imUserId).join(", ")} not linked to ${e.employeeNo} already use its ${[...new Set(list.flatMap((o) => o.matchedOn))].join("/")}.`,
          scope,
        }),
      );
    }
  }

  // IM users nobody in HR accounts for and OrgBridge did not create.
  const hrLowerIds = new Set(index.employees.map((e) => e.employeeNo.toLowerCase()));
  for (const user of index.imUsers.values()) {
    if (index.accountsByImUser.has(user.imUserId)) continue;
    if (hrLowerIds.has(user.imUserId.toLowerCase())) continue;
    if (index.hrByEmail.has(normalizeContact("email", user.email))) continue;
    if (index.hrByMobile.has(normalizeContact("mobile", user.mobile))) continue;
    conflicts.push(
      buildConflict({
        type: "orphan_im_user",
        subjectKey: user.imUserId,
        hrValue: null,
        imValue: {
          imUserId: user.imUserId,
          name: user.name,
          ...(user.email ? { email: user.email } : {}),
          ...(user.mobile ? { mobile: user.mobile } : {}),
        },
        detail: `IM user ${user.imUserId} (${user.name}) is unknown to HR and was not created by OrgBridge.`,
        scope,
      }),
    );
  }

  return { conflicts, blockedCreates, blockedFields };
}
