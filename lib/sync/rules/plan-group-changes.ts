import { compareGroupState } from "./compare-group-state";
import type { SyncIndex } from "./index-sync-input";
import type { UnitTarget } from "./resolve-unit-targets";
import type {
  GroupCreateChange,
  GroupMemory,
  GroupMoveChange,
  GroupRenameChange,
  MemoryUpdate,
} from "../types";

export type PlanGroupChangesInput = {
  /** Indexed planner input. */
  index: SyncIndex;
  /** Unit targets in parent-first order. */
  unitTargets: ReadonlyMap<string, UnitTarget>;
};

export type PlanGroupChangesResult = {
  /** Parent before child. */
  creates: GroupCreateChange[];
  /** Renames and moves, parents first. */
  updates: (GroupRenameChange | GroupMoveChange)[];
  memoryUpdates: MemoryUpdate[];
};

/** Creates, renames and moves for mirrored groups; conflicting fields are left alone. */
export function planGroupChanges(input: PlanGroupChangesInput): PlanGroupChangesResult {
  const { index, unitTargets } = input;
  const creates: GroupCreateChange[] = [];
  const updates: (GroupRenameChange | GroupMoveChange)[] = [];
  const memoryUpdates: MemoryUpdate[] = [];
  // unitTargets iterates parents first (HR depth, then code), which is the create order.
  for (const target of unitTargets.values()) {
    if (target.kind !== "group" || !target.mirror) continue;
    const { mirror, unitCode } = target;
    if (!mirror.externalId) {
      creates.push({
        op: "group.create",
        targetType: "im_group",
        targetKey: unitCode,
        before: null,
        after: { unitCode, name: mirror.name, parent: mirror.parent },
      });
      continue;
    }
    const group = index.imGroups.get(mirror.externalId)!;
    const memory = index.groupMemory.get(group.externalId);
    if (mirror.adopted || index.unitGroups.get(unitCode) !== group.externalId) {
      memoryUpdates.push({
        kind: "unitGroup",
        orgUnitCode: unitCode,
        externalId: group.externalId,
      });
    }
    const state = compareGroupState({ target: mirror, group, memory });
    if (state.name === "apply_hr") {
      updates.push({
        op: "group.rename",
        targetType: "im_group",
        targetKey: unitCode,
        before: { externalId: group.externalId, name: group.name },
        after: { externalId: group.externalId, name: mirror.name },
      });
    }
    if (state.parent === "apply_hr") {
      updates.push({
        op: "group.move",
        targetType: "im_group",
        targetKey: unitCode,
        before: { externalId: group.externalId, parentExternalId: group.parentExternalId ?? null },
        after: { externalId: group.externalId, parent: mirror.parent },
      });
    }
    if (!sameMemory(memory, state.memoryNow))
      memoryUpdates.push({ kind: "group", memory: state.memoryNow });
  }
  return { creates, updates, memoryUpdates };
}

function sameMemory(a: GroupMemory | undefined, b: GroupMemory): boolean {
  return (
    !!a &&
    a.name === b.name &&
    (a.parentExternalId ?? "") === (b.parentExternalId ?? "") &&
    a.hrName === b.hrName &&
    a.hrParentExternalId === b.hrParentExternalId
  );
}
