import { compareSyncedValue, type SyncedComparison } from "./compare-synced-value";
import type { MirrorTarget } from "./resolve-unit-targets";
import { groupRefKey as refKey } from "./group-ref-key";
import type { GroupMemory, ImGroupState } from "../types";

export type CompareGroupStateInput = {
  /** What HR wants the mirrored group to look like. */
  target: MirrorTarget;
  /** The group as IM has it. */
  group: ImGroupState;
  /** What OrgBridge last wrote or accepted; undefined for a group never synced (adopted). */
  memory: GroupMemory | undefined;
};

export type GroupStateComparison = {
  name: SyncedComparison;
  parent: SyncedComparison;
  /** Memory that is true right now, before any planned change is applied. */
  memoryNow: GroupMemory;
};

/** Three-way comparison of a mirrored group's name and parent; IM-side edits are conflicts. */
export function compareGroupState(input: CompareGroupStateInput): GroupStateComparison {
  const { target, group, memory } = input;
  const name = compareSyncedValue({
    hr: target.name,
    im: group.name,
    lastIm: memory?.name,
    lastHr: memory?.hrName,
    imOnlyChange: "conflict",
  });
  const hrParent = refKey(target.parent);
  const parent = compareSyncedValue({
    hr: hrParent,
    im: group.parentExternalId ?? "",
    lastIm: memory ? (memory.parentExternalId ?? "") : undefined,
    lastHr: memory?.hrParentExternalId,
    imOnlyChange: "conflict",
  });
  const memoryNow: GroupMemory = { externalId: group.externalId, name: memory?.name ?? group.name };
  if (name === "in_sync") memoryNow.name = target.name;
  else if (memory?.hrName !== undefined) memoryNow.hrName = memory.hrName;
  const parentNow =
    parent === "in_sync" ? hrParent : memory ? memory.parentExternalId : group.parentExternalId;
  if (parentNow) memoryNow.parentExternalId = parentNow;
  if (parent !== "in_sync" && memory?.hrParentExternalId !== undefined) {
    memoryNow.hrParentExternalId = memory.hrParentExternalId;
  }
  return { name, parent, memoryNow };
}
