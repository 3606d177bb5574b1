import { compareStrings as cmp } from "./compare-strings";
import { renderGroupName, type RenderGroupNameError } from "./render-group-name";
import { resolveGoverningMapping, type GoverningMapping } from "./resolve-governing-mapping";
import type {
  GroupNameRules,
  GroupRef,
  HrUnit,
  ImCapabilities,
  ImGroupState,
  Mapping,
  SyncMemory,
} from "../types";

export type MirrorTarget = {
  /** Rendered group name. */
  name: string;
  /** Parent group, null = top level. */
  parent: GroupRef | null;
  /** Existing IM group id (remembered or adopted); undefined = to be created. */
  externalId?: string;
  /** True when an unremembered IM group with the same name and parent was taken over. */
  adopted: boolean;
};

export type UnitTarget =
  | {
      kind: "group";
      unitCode: string;
      mode: "MIRROR" | "LINK";
      /** Where the unit's employees belong. */
      ref: GroupRef;
      /** IM level of the group (top level = 1). */
      depth: number;
      /** Set for MIRROR: what the unit's own group should look like. */
      mirror?: MirrorTarget;
    }
  | {
      kind: "none";
      unitCode: string;
      /** unmapped/inactive raise unmapped_unit; excluded is deliberate; deferred waits for the parent; no_groups = platform without groups. */
      reason: "unmapped" | "excluded" | "inactive" | "deferred" | "no_groups";
    }
  | {
      kind: "blocked";
      unitCode: string;
      reason: "depth_exceeded" | "invalid_name" | "link_missing" | "ancestor_blocked";
      /** depth_exceeded: the level the group would have had, and the limit. */
      depth?: number;
      maxDepth?: number;
      /** invalid_name: template and why it failed. */
      nameError?: { template: string; error: RenderGroupNameError; message: string };
      /** link_missing: the unit carrying the LINK mapping, and its group id. */
      link?: { orgUnitCode: string; imGroupExternalId: string | null };
    };

export type ResolveUnitTargetsInput = {
  /** HR units sorted by code. */
  units: HrUnit[];
  /** Mappings of this connection. */
  mappings: Mapping[];
  /** IM groups by id. */
  imGroups: ReadonlyMap<string, ImGroupState>;
  /** Last-sync memory. */
  memory: SyncMemory;
  /** Platform capabilities. */
  capabilities: ImCapabilities;
  /** Name limits. */
  nameRules?: GroupNameRules;
};

/**
 * Decides, per HR unit, which IM group its employees belong in and what the
 * unit's own mirrored group should look like. Units are visited parents first,
 * so a child always sees its parent's decision.
 */
export function resolveUnitTargets(input: ResolveUnitTargetsInput): Map<string, UnitTarget> {
  const unitsByCode = new Map(input.units.map((u) => [u.code, u]));
  const mappingsByUnit = new Map(input.mappings.map((m) => [m.orgUnitCode, m]));
  const placement = placeUnits(unitsByCode);
  const order = [...placement.entries()].sort((a, b) => a[1].depth - b[1].depth || cmp(a[0], b[0]));
  const remembered = new Map(input.memory.unitGroups.map((g) => [g.orgUnitCode, g.externalId]));
  const claimed = new Set<string>([
    ...input.memory.unitGroups.map((g) => g.externalId),
    ...input.mappings.flatMap((m) =>
      m.mode === "LINK" && m.imGroupExternalId ? [m.imGroupExternalId] : [],
    ),
  ]);
  const byNameAndParent = indexGroupsByNameAndParent(input.imGroups);
  const imDepth = imDepthOf(input.imGroups);
  const inheritedMemo = new Map<string, GoverningMapping>();
  const pathMemo = new Map<string, string[]>();
  const pathOf = (code: string): string[] => {
    const hit = pathMemo.get(code);
    if (hit) return hit;
    const unit = unitsByCode.get(code)!;
    const path = unit.parentCode ? [...pathOf(unit.parentCode), unit.name] : [unit.name];
    pathMemo.set(code, path);
    return path;
  };
  const { departments, groupChats, maxDepth } = input.capabilities;
  const targets = new Map<string, UnitTarget>();

  for (const [code, place] of order) {
    const unit = unitsByCode.get(code)!;
    if (place.state !== "ok") {
      targets.set(code, { kind: "none", unitCode: code, reason: place.state });
      continue;
    }
    const governing = resolveGoverningMapping({
      unitCode: code,
      unitsByCode,
      mappingsByUnit,
      inheritedMemo,
    });
    const mapping = governing.mapping;
    if (!mapping) {
      targets.set(code, { kind: "none", unitCode: code, reason: "unmapped" });
      continue;
    }
    if (mapping.mode === "EXCLUDE") {
      targets.set(code, { kind: "none", unitCode: code, reason: "excluded" });
      continue;
    }
    if (!departments && !groupChats) {
      targets.set(code, { kind: "none", unitCode: code, reason: "no_groups" });
      continue;
    }
    if (mapping.mode === "LINK") {
      const ext = mapping.imGroupExternalId;
      if (ext && input.imGroups.has(ext)) {
        targets.set(code, {
          kind: "group",
          unitCode: code,
          mode: "LINK",
          ref: { externalId: ext },
          depth: imDepth(ext),
        });
      } else {
        const link = { orgUnitCode: governing.fromUnitCode!, imGroupExternalId: ext ?? null };
        targets.set(code, { kind: "blocked", unitCode: code, reason: "link_missing", link });
      }
      continue;
    }
    // MIRROR: the parent group is the nearest ancestor that has (or should have) a group.
    let parent: GroupRef | null = null;
    let parentDepth = 0;
    let blockedAbove = false;
    if (departments) {
      for (let p = unit.parentCode; p; p = unitsByCode.get(p)?.parentCode) {
        const t = targets.get(p);
        if (!t || t.kind === "none") continue;
        if (t.kind === "blocked") blockedAbove = true;
        else {
          parent = t.ref;
          parentDepth = t.depth;
        }
        break;
      }
    }
    if (blockedAbove) {
      targets.set(code, { kind: "blocked", unitCode: code, reason: "ancestor_blocked" });
      continue;
    }
    const depth = parentDepth + 1;
    if (departments && depth > maxDepth) {
      targets.set(code, {
        kind: "blocked",
        unitCode: code,
        reason: "depth_exceeded",
        depth,
        maxDepth,
      });
      continue;
    }
    const rendered = renderGroupName({
      template: mapping.namingTemplate,
      unit,
      path: mapping.namingTemplate.includes("{path}") ? pathOf(code) : [],
      rules: input.nameRules,
    });
    if (!rendered.ok) {
      const nameError = {
        template: mapping.namingTemplate,
        error: rendered.error,
        message: rendered.message,
      };
      targets.set(code, { kind: "blocked", unitCode: code, reason: "invalid_name", nameError });
      continue;
    }
    let externalId = remembered.get(code);
    let adopted = false;
    if (externalId && !input.imGroups.has(externalId)) externalId = undefined;
    if (!externalId && (!parent || "externalId" in parent)) {
      const key = groupKey(parent?.externalId, rendered.name);
      externalId = byNameAndParent.get(key)?.find((id) => !claimed.has(id));
      if (externalId) {
        claimed.add(externalId);
        adopted = true;
      }
    }
    const ref: GroupRef = externalId ? { externalId } : { pendingUnitCode: code };
    const mirror: MirrorTarget = { name: rendered.name, parent, externalId, adopted };
    targets.set(code, { kind: "group", unitCode: code, mode: "MIRROR", ref, depth, mirror });
  }
  return targets;
}

type Placement = { state: "ok" | "inactive" | "deferred"; depth: number };

/**
 * A unit is placeable when it is active and every ancestor is known and active.
 * A missing ancestor or a cycle means an event has not arrived yet: deferred.
 */
function placeUnits(unitsByCode: ReadonlyMap<string, HrUnit>): Map<string, Placement> {
  const result = new Map<string, Placement>();
  for (const start of unitsByCode.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let base: Placement | undefined;
    let code: string | undefined = start;
    while (code !== undefined) {
      const known = result.get(code);
      if (known) {
        base = known;
        break;
      }
      const unit = unitsByCode.get(code);
      if (!unit || onChain.has(code)) {
        base = { state: "deferred", depth: 0 };
        break;
      }
      chain.push(code);
      onChain.add(code);
      code = unit.parentCode;
    }
    let parent: Placement = base ?? { state: "ok", depth: 0 };
    for (let i = chain.length - 1; i >= 0; i--) {
      const unit = unitsByCode.get(chain[i])!;
      const state = parent.state === "ok" ? (unit.active ? "ok" : "inactive") : parent.state;
      const placement: Placement = { state, depth: parent.depth + 1 };
      result.set(chain[i], placement);
      parent = placement;
    }
  }
  return result;
}

function indexGroupsByNameAndParent(
  groups: ReadonlyMap<string, ImGroupState>,
): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const g of [...groups.values()].sort((a, b) => cmp(a.externalId, b.externalId))) {
    const key = groupKey(g.parentExternalId, g.name);
    const list = index.get(key);
    if (list) list.push(g.externalId);
    else index.set(key, [g.externalId]);
  }
  return index;
}

function groupKey(parentExternalId: string | undefined, name: string): string {
  return `${parentExternalId ?? ""}\u0000${name}`;
}

function imDepthOf(groups: ReadonlyMap<string, ImGroupState>): (id: string) => number {
  const memo = new Map<string, number>();
  const depth = (id: string, guard: number): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const parent = groups.get(id)?.parentExternalId;
    const d = parent && groups.has(parent) && guard < 1000 ? depth(parent, guard + 1) + 1 : 1;
    memo.set(id, d);
    return d;
  };
  return (id) => depth(id, 0);
}
