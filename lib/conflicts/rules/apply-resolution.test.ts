import { describe, expect, it } from "vitest";
import { employee, mirror } from "@/lib/sync/rules/fixtures";
import { simulatePlan } from "@/lib/sync/rules/simulate-plan";
import {
  EMPLOYEES,
  HR,
  MAPPINGS,
  UNITS,
  ops,
  plan,
  synced,
  withEmployee,
  withUser,
  type World,
} from "@/lib/sync/rules/test-world";
import type { Mapping } from "@/lib/sync/types";
import { applyResolution, type ResolutionEffects } from "./apply-resolution";
import type { Conflict, ConflictType, Resolution } from "../types";

const NOW = new Date("2025-03-10T04:00:00Z");

/** Worlds that raise one conflict of each kind. */
const WORLDS: Record<Exclude<ConflictType, "deletion_threshold">, () => World> = {
  im_group_renamed: () => {
    const w = synced();
    return {
      ...w,
      im: {
        ...w.im,
        groups: w.im.groups.map((g) => (g.externalId === "g-FE" ? { ...g, name: "Web Team" } : g)),
      },
    };
  },
  im_group_moved: () => {
    const w = synced();
    return {
      ...w,
      im: {
        ...w.im,
        groups: w.im.groups.map((g) =>
          g.externalId === "g-FE" ? { ...g, parentExternalId: "g-SALES" } : g,
        ),
      },
    };
  },
  account_owned_by_other: () => {
    const w = synced();
    return {
      ...w,
      hr: {
        units: UNITS,
        employees: [...EMPLOYEES, employee("E4", "FE", { mobile: "+8613999999999" })],
      },
      im: {
        ...w.im,
        users: [
          ...w.im.users,
          { imUserId: "zs", name: "张三", mobile: "+8613999999999", groupIds: [], enabled: true },
        ],
      },
    };
  },
  duplicate_contact: () => ({
    ...synced(),
    hr: {
      units: UNITS,
      employees: [
        ...EMPLOYEES,
        employee("E4", "FE", { mobile: "+8613700000000" }),
        employee("E5", "FE", { mobile: "+8613700000000" }),
      ],
    },
  }),
  unmapped_unit: () => ({
    ...synced(),
    hr: {
      units: [...UNITS, { code: "OPS", name: "Ops", active: true }],
      employees: [...EMPLOYEES, employee("E4", "OPS")],
    },
  }),
  both_changed: () => {
    const w = synced();
    return {
      ...w,
      hr: withEmployee(HR, "E1", { name: "HR Name" }),
      im: withUser(w.im, "E1", { name: "IM Name" }),
    };
  },
  orphan_im_user: () => {
    const w = synced();
    return {
      ...w,
      im: {
        ...w.im,
        users: [...w.im.users, { imUserId: "bot", name: "Bot", groupIds: [], enabled: true }],
      },
    };
  },
  mapping_group_deleted: () => ({
    ...synced(),
    mappings: [...MAPPINGS, mirror("SALES", { mode: "LINK", imGroupExternalId: "gone" })],
  }),
  depth_exceeded: () => ({
    ...synced(),
    options: {
      ...synced().options,
      capabilities: { departments: true, groupChats: false, maxDepth: 2 },
    },
    im: { groups: [], users: [] },
    memory: { groups: [], accounts: [], unitGroups: [] },
  }),
  invalid_group_name: () => ({
    ...synced(),
    hr: {
      units: UNITS.map((u) => (u.code === "SALES" ? { ...u, name: "Sales*" } : u)),
      employees: EMPLOYEES,
    },
  }),
  group_not_empty: () => ({
    ...synced(),
    mappings: [...MAPPINGS, mirror("SALES", { mode: "EXCLUDE" })],
  }),
  manager_cycle: () =>
    withManagers(
      withEmployee(withEmployee(HR, "E1", { managerNo: "E2" }), "E2", { managerNo: "E1" }),
    ),
  manager_out_of_scope: () => withManagers(withEmployee(HR, "E1", { managerNo: "E404" })),
};

/** A synced world on a platform with a manager field, HR now saying `hr`. */
function withManagers(hr: World["hr"]): World {
  const w = synced();
  return {
    ...w,
    hr,
    options: { ...w.options, capabilities: { ...w.options.capabilities, managerField: true } },
  };
}

function conflictIn(world: World, type: ConflictType): Conflict {
  const c = plan(world).conflicts.find((x) => x.type === type);
  if (!c) throw new Error(`no ${type} conflict`);
  return c;
}

/** Applies effects to the world: IM changes and memory (simulated), mapping upserts. */
function applyEffects(world: World, effects: ResolutionEffects): World {
  const next = simulatePlan({ im: world.im, memory: world.memory, plan: effects });
  const mappings = new Map(world.mappings.map((m) => [m.orgUnitCode, m]));
  for (const u of effects.mappingUpserts) {
    const current: Mapping = mappings.get(u.orgUnitCode) ?? {
      orgUnitCode: u.orgUnitCode,
      mode: "MIRROR",
      includeDescendants: true,
      namingTemplate: "{name}",
    };
    mappings.set(u.orgUnitCode, { ...current, ...u });
  }
  return { ...world, ...next, mappings: [...mappings.values()] };
}

function resolve(type: Exclude<ConflictType, "deletion_threshold">, resolution: Resolution) {
  const world = WORLDS[type]();
  const conflict = conflictIn(world, type);
  const result = applyResolution({ conflict, resolution, now: NOW });
  return { world, conflict, result };
}

const keepHr: Resolution = { kind: "keep_hr" };
const keepIm: Resolution = { kind: "keep_im" };
const ignore: Resolution = { kind: "ignore" };
const custom = (value: unknown): Resolution => ({ kind: "custom", value });

describe("applyResolution — outcome per type and resolution", () => {
  type Row = [Exclude<ConflictType, "deletion_threshold">, Resolution, "ok" | "fail", string[]];
  it.each<Row>([
    ["im_group_renamed", keepHr, "ok", ["group.rename FE"]],
    ["im_group_renamed", keepIm, "ok", ["memory:groupAccept"]],
    ["im_group_renamed", custom("Frontend"), "ok", ["group.rename FE"]],
    ["im_group_renamed", custom(""), "fail", []],
    ["im_group_moved", keepHr, "ok", ["group.move FE"]],
    ["im_group_moved", keepIm, "ok", ["memory:groupAccept"]],
    ["im_group_moved", custom({ parentExternalId: null }), "ok", ["group.move FE"]],
    ["im_group_moved", custom("x"), "fail", []],
    ["account_owned_by_other", keepHr, "ok", ["memory:account"]],
    ["account_owned_by_other", keepIm, "ok", []],
    ["account_owned_by_other", custom({ imUserId: "zs" }), "ok", ["memory:account"]],
    ["account_owned_by_other", custom({ imUserId: "not-an-owner" }), "fail", []],
    ["duplicate_contact", keepHr, "fail", []],
    ["duplicate_contact", ignore, "ok", []],
    ["unmapped_unit", keepHr, "ok", ["mapping:OPS:MIRROR"]],
    ["unmapped_unit", keepIm, "ok", ["mapping:OPS:EXCLUDE"]],
    [
      "unmapped_unit",
      custom({ mode: "LINK", imGroupExternalId: "g-HQ" }),
      "ok",
      ["mapping:OPS:LINK"],
    ],
    ["unmapped_unit", custom({ mode: "LINK" }), "fail", []],
    ["unmapped_unit", custom({ mode: "MIRROR", namingTemplate: "{oops}" }), "fail", []],
    ["both_changed", keepHr, "ok", ["account.update E1", "memory:accountField"]],
    ["both_changed", keepIm, "ok", ["memory:accountField"]],
    ["both_changed", custom("Agreed Name"), "ok", ["account.update E1", "memory:accountField"]],
    ["orphan_im_user", keepHr, "ok", ["account.disable bot"]],
    ["orphan_im_user", keepIm, "ok", []],
    ["orphan_im_user", custom({ employeeNo: "E9" }), "ok", ["memory:account"]],
    ["mapping_group_deleted", keepHr, "ok", ["mapping:SALES:MIRROR"]],
    ["mapping_group_deleted", keepIm, "ok", ["mapping:SALES:EXCLUDE"]],
    ["mapping_group_deleted", custom({ imGroupExternalId: "g-HQ" }), "ok", ["mapping:SALES:LINK"]],
    ["depth_exceeded", keepHr, "fail", []],
    ["depth_exceeded", keepIm, "ok", ["mapping:BE:EXCLUDE"]],
    ["depth_exceeded", custom({ imGroupExternalId: "x" }), "ok", ["mapping:BE:LINK"]],
    ["invalid_group_name", keepHr, "fail", []],
    ["invalid_group_name", custom({ namingTemplate: "{code}" }), "ok", ["mapping:SALES:MIRROR"]],
    ["invalid_group_name", custom({ namingTemplate: "{bad}" }), "fail", []],
    ["group_not_empty", keepHr, "fail", []],
    ["group_not_empty", keepIm, "ok", ["memory:forgetGroup"]],
    ["group_not_empty", ignore, "ok", []],
    ["manager_cycle", keepHr, "fail", []],
    ["manager_cycle", ignore, "ok", []],
    ["manager_out_of_scope", keepIm, "fail", []],
    ["manager_out_of_scope", ignore, "ok", []],
  ])("%s + %j → %s %j", (type, resolution, outcome, effects) => {
    const { result } = resolve(type, resolution);
    expect(result.ok ? "ok" : "fail").toBe(outcome);
    if (!result.ok) {
      expect(result.error.length).toBeGreaterThan(10);
      return;
    }
    const e = result.effects;
    expect([
      ...e.changes.map((c) => `${c.op} ${c.targetKey}`),
      ...e.memoryUpdates.map((m) => `memory:${m.kind}`),
      ...e.mappingUpserts.map((m) => `mapping:${m.orgUnitCode}:${m.mode}`),
    ]).toEqual(effects);
  });

  it.each<[Resolution, "ok" | "fail", "approve" | "reject" | undefined]>([
    [keepHr, "ok", "approve"],
    [keepIm, "ok", "reject"],
    [ignore, "ok", "reject"],
    [custom(1), "fail", undefined],
  ])("deletion_threshold + %j", (resolution, outcome, run) => {
    const w = synced();
    const conflict = conflictIn(
      { ...w, hr: { units: UNITS, employees: [EMPLOYEES[0]] } },
      "deletion_threshold",
    );
    const result = applyResolution({ conflict, resolution, now: NOW });
    expect(result.ok ? "ok" : "fail").toBe(outcome);
    if (result.ok) expect(result.effects.run).toBe(run);
  });
});

describe("applyResolution — the next plan respects the decision", () => {
  it.each<[Exclude<ConflictType, "deletion_threshold">, Resolution]>([
    ["im_group_renamed", keepHr],
    ["im_group_renamed", keepIm],
    ["im_group_renamed", custom("Frontend")],
    ["im_group_moved", keepHr],
    ["im_group_moved", keepIm],
    ["im_group_moved", custom({ parentExternalId: "g-HQ" })],
    ["both_changed", keepHr],
    ["both_changed", keepIm],
    ["both_changed", custom("Agreed Name")],
    ["account_owned_by_other", keepHr],
    ["orphan_im_user", custom({ employeeNo: "E3" })],
    ["unmapped_unit", keepHr],
    ["unmapped_unit", keepIm],
    ["mapping_group_deleted", keepHr],
    ["mapping_group_deleted", keepIm],
    ["depth_exceeded", keepIm],
    ["invalid_group_name", custom({ namingTemplate: "{code}" })],
    ["group_not_empty", keepIm],
  ])(
    "%s + %j: that conflict is gone, and the plan converges after one apply",
    (type, resolution) => {
      const { world, conflict, result } = resolve(type, resolution);
      if (!result.ok) throw new Error(result.error);
      const resolved = applyEffects(world, result.effects);
      const next = plan(resolved);
      expect(next.conflicts.filter((c) => c.fingerprint === conflict.fingerprint)).toEqual([]);
      const settled = plan({
        ...resolved,
        ...simulatePlan({ im: resolved.im, memory: resolved.memory, plan: next }),
      });
      expect(ops(settled)).toEqual([]);
    },
  );

  it("keep IM on a renamed group stops renaming until HR renames again", () => {
    const { world, result } = resolve("im_group_renamed", keepIm);
    if (!result.ok) throw new Error(result.error);
    const resolved = applyEffects(world, result.effects);
    expect(ops(plan(resolved))).toEqual([]);
    const hrRenamed = {
      ...resolved,
      hr: {
        units: UNITS.map((u) => (u.code === "FE" ? { ...u, name: "Frontend" } : u)),
        employees: EMPLOYEES,
      },
    };
    const p = plan(hrRenamed);
    expect(ops(p)).toEqual(["group.rename FE"]);
    expect(p.changes[0]).toMatchObject({
      before: { name: "Web Team" },
      after: { name: "Frontend" },
    });
  });

  it("keep IM on a field stops overwriting until HR changes it again", () => {
    const { world, result } = resolve("both_changed", keepIm);
    if (!result.ok) throw new Error(result.error);
    const resolved = applyEffects(world, result.effects);
    expect(ops(plan(resolved))).toEqual([]);
    const p = plan({ ...resolved, hr: withEmployee(HR, "E1", { name: "Newer HR Name" }) });
    expect(p.changes[0]).toMatchObject({
      op: "account.update",
      after: { fields: { name: "Newer HR Name" } },
    });
  });

  it("linking an owned account adopts the IM user and brings it in line with HR", () => {
    const { world, result } = resolve("account_owned_by_other", keepHr);
    if (!result.ok) throw new Error(result.error);
    const p = plan(applyEffects(world, result.effects));
    expect(ops(p)).toEqual(["account.update E4", "account.move E4"]);
    expect(p.changes[1]).toMatchObject({
      after: { imUserId: "zs", add: [{ externalId: "g-FE" }] },
    });
  });
});
