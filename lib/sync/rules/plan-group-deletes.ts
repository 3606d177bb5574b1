import { buildConflict } from "@/lib/conflicts/rules/build-conflict";
import type { Conflict } from "@/lib/conflicts/types";
import { compareStrings } from "./compare-strings";
import type { SyncIndex } from "./index-sync-input";
import type { UnitTarget } from "./resolve-unit-targets";
import type {
  AccountDeleteChange,
  AccountMoveChange,
  GroupDeleteChange,
  GroupMoveChange,
  ImMembership,
  MemoryUpdate,
} from "../types";

export type PlanGroupDeletesInput = {
  /** Indexed planner input. */
  index: SyncIndex;
  /** Per unit targets. */
  unitTargets: ReadonlyMap<string, UnitTarget>;
  /** Planned group moves (a group moved away no longer blocks its old parent). */
  groupMoves: GroupMoveChange[];
  /** Planned membership moves (members moved out no longer block). */
  accountMoves: AccountMoveChange[];
  /** Planned account deletes. */
  accountDeletes: AccountDeleteChange[];
  /** Fingerprint scope. */
  scope?: string;
  /** A scoped run: the memberships of IM users outside `index.imUsers` (see `ImState.memberships`). */
  memberships?: ImMembership[];
};

export type PlanGroupDeletesResult = {
  /** Child before parent. */
  deletes: GroupDeleteChange[];
  /** group_not_empty for groups that should go but still hold people or groups OrgBridge does not move. */
  conflicts: Conflict[];
  memoryUpdates: MemoryUpdate[];
};

/**
 * Deletes mirrored groups whose unit closed, left HR, or is no longer mirrored —
 * only when the plan leaves them empty (WeCom deletes empty departments only).
 * Groups of deferred or blocked units are kept: that state is temporary.
 */
export function planGroupDeletes(input: PlanGroupDeletesInput): PlanGroupDeletesResult {
  const { index, unitTargets, scope } = input;
  const inUse = new Set<string>();
  for (const t of unitTargets.values())
    if (t.kind === "group" && "externalId" in t.ref) inUse.add(t.ref.externalId);

  const candidates: { unitCode: string; externalId: string; depth: number }[] = [];
  const memoryUpdates: MemoryUpdate[] = [];
  for (const [unitCode, externalId] of index.unitGroups) {
    if (inUse.has(externalId)) continue;
    const t = unitTargets.get(unitCode);
    if (
      t &&
      (t.kind === "blocked" ||
        (t.kind === "none" && (t.reason === "deferred" || t.reason === "no_groups")))
    ) {
      continue;
    }
    if (!index.imGroups.has(externalId)) {
      if (!t || t.kind !== "group")
        memoryUpdates.push({ kind: "forgetGroup", orgUnitCode: unitCode, externalId });
      continue;
    }
    candidates.push({ unitCode, externalId, depth: imDepth(index, externalId) });
  }
  candidates.sort((a, b) => b.depth - a.depth || compareStrings(a.unitCode, b.unitCode));

  const children = new Map<string, string[]>();
  for (const g of index.imGroups.values()) {
    if (!g.parentExternalId) continue;
    const list = children.get(g.parentExternalId) ?? [];
    list.push(g.externalId);
    children.set(g.parentExternalId, list);
  }
  const movedAway = new Set(input.groupMoves.map((m) => m.before.externalId));
  const candidateIds = new Set(candidates.map((c) => c.externalId));
  const members = new Map<string, string[]>();
  const addMember = (imUserId: string, groupIds: string[]) => {
    for (const gid of groupIds) {
      if (!candidateIds.has(gid)) continue;
      const list = members.get(gid) ?? [];
      list.push(imUserId);
      members.set(gid, list);
    }
  };
  for (const u of index.imUsers.values()) addMember(u.imUserId, u.groupIds);
  // A scoped run knows only its own users in full; everyone else's memberships still keep a group.
  for (const m of input.memberships ?? [])
    if (!index.imUsersByLowerId.has(m.imUserId.toLowerCase())) addMember(m.imUserId, m.groupIds);
  const leaving = new Map(
    input.accountMoves.map((m) => [m.after.imUserId, new Set(m.after.remove)]),
  );
  const deletedUsers = new Set(input.accountDeletes.map((d) => d.after.imUserId));

  const deleted = new Set<string>();
  const deletes: GroupDeleteChange[] = [];
  const conflicts: Conflict[] = [];
  for (const c of candidates) {
    const staying = (members.get(c.externalId) ?? []).filter(
      (id) => !deletedUsers.has(id) && !leaving.get(id)?.has(c.externalId),
    );
    const childGroups = (children.get(c.externalId) ?? []).filter(
      (id) => !deleted.has(id) && !movedAway.has(id),
    );
    const group = index.imGroups.get(c.externalId)!;
    if (staying.length > 0 || childGroups.length > 0) {
      conflicts.push(
        buildConflict({
          type: "group_not_empty",
          subjectKey: c.externalId,
          hrValue: { unitCode: c.unitCode },
          imValue: {
            externalId: c.externalId,
            memberIds: staying.sort(compareStrings).slice(0, 20),
            childGroupIds: childGroups.sort(compareStrings).slice(0, 20),
          },
          detail: `IM group "${group.name}" should be deleted (unit ${c.unitCode} is gone or unmapped) but still holds ${staying.length} member(s) and ${childGroups.length} group(s) OrgBridge does not move.`,
          scope,
        }),
      );
      continue;
    }
    deleted.add(c.externalId);
    deletes.push({
      op: "group.delete",
      targetType: "im_group",
      targetKey: c.unitCode,
      before: { externalId: c.externalId, name: group.name },
      after: null,
    });
  }
  return { deletes, conflicts, memoryUpdates };
}

function imDepth(index: SyncIndex, externalId: string): number {
  let depth = 0;
  for (
    let id: string | undefined = externalId;
    id && depth < 1000;
    id = index.imGroups.get(id)?.parentExternalId
  ) {
    depth++;
  }
  return depth;
}
