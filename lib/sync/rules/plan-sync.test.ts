import { describe, expect, it } from "vitest";
import { employee, input, mirror, shuffled, unit } from "./fixtures";
import { planSync } from "./plan-sync";
import {
  EMPLOYEES,
  HR,
  MAPPINGS,
  UNITS,
  applyAndReplan,
  ops,
  plan,
  synced,
  withEmployee,
  withUser,
  type World,
} from "./test-world";
import type { HrState } from "../types";
import { OP_TABLE } from "./plan-sync-op-table";

describe("planSync from an empty IM", () => {
  const p = planSync(input({ hr: HR, mappings: MAPPINGS }));

  it("creates groups parent before child, then accounts", () => {
    expect(ops(p)).toEqual([
      "group.create HQ",
      "group.create RD",
      "group.create SALES",
      "group.create BE",
      "group.create FE",
      "account.create E1",
      "account.create E2",
      "account.create E3",
    ]);
    expect(p.conflicts).toEqual([]);
    expect(p.summary).toMatchObject({ total: 8, held: false, destructive: 0, managedAccounts: 0 });
    expect(p.summary.counts["group.create"]).toBe(5);
  });

  it("references groups created in the same run by unit code", () => {
    expect(p.changes[1]).toEqual({
      op: "group.create",
      targetType: "im_group",
      targetKey: "RD",
      before: null,
      after: { unitCode: "RD", name: "Unit RD", parent: { pendingUnitCode: "HQ" } },
    });
    const create = p.changes.find((c) => c.op === "account.create" && c.targetKey === "E3");
    expect(create).toMatchObject({
      after: {
        imUserId: "E3",
        fields: {
          name: "Name E3",
          email: "e3@corp.example",
          mobile: "+8613800000003",
          title: "Rep",
        },
        groups: [{ pendingUnitCode: "SALES" }],
      },
    });
  });
});

describe("idempotence", () => {
  it("a synced IM plans zero changes, memory updates and conflicts", () => {
    const world = synced();
    const again = plan(world);
    expect(again.changes).toEqual([]);
    expect(again.memoryUpdates).toEqual([]);
    expect(again.conflicts).toEqual([]);
  });

  it("holds for a mixed lifecycle population after one apply", () => {
    const hr: HrState = {
      units: UNITS,
      employees: [
        ...EMPLOYEES,
        employee("E4", "FE", { status: "on_leave" }),
        employee("E5", "BE", { status: "onboarding", hireDate: "2025-03-12" }),
        employee("E6", "BE", { status: "onboarding", hireDate: "2025-04-01" }),
        employee("E7", "SALES", { status: "terminated", terminationDate: "2025-03-01" }),
      ],
    };
    const world = synced(hr);
    const again = plan(world);
    expect(again.changes).toEqual([]);
    expect(again.memoryUpdates).toEqual([]);
  });

  it("holds across every scenario of the op table below once applied", () => {
    for (const row of OP_TABLE) {
      const world = row.world();
      const first = plan(world);
      const second = applyAndReplan(world, first);
      expect(second.changes, row.name).toEqual([]);
    }
  });
});

describe("determinism", () => {
  it.each([1, 2, 3, 42, 1234])("shuffled inputs give an identical plan (seed %i)", (seed) => {
    const base = synced();
    const world: World = {
      ...base,
      hr: withEmployee(
        {
          units: [...UNITS, unit("OPS", "HQ")],
          employees: [...EMPLOYEES, employee("E9", "OPS"), employee("E10", "NOPE")],
        },
        "E1",
        { unitCode: "SALES", name: "Renamed" },
      ),
      im: withUser(
        {
          groups: base.im.groups,
          users: [...base.im.users, { imUserId: "bot", name: "Bot", groupIds: [], enabled: true }],
        },
        "E2",
        { name: "Hand edited" },
      ),
    };
    const reference = plan(world);
    const mixed: World = {
      ...world,
      hr: {
        units: shuffled(world.hr.units, seed),
        employees: shuffled(world.hr.employees, seed + 1),
      },
      im: {
        groups: shuffled(world.im.groups, seed + 2),
        users: shuffled(world.im.users, seed + 3),
      },
      memory: {
        groups: shuffled(world.memory.groups, seed + 4),
        accounts: shuffled(world.memory.accounts, seed + 5),
        unitGroups: shuffled(world.memory.unitGroups, seed + 6),
      },
      mappings: shuffled(
        [...world.mappings, mirror("OPS", { namingTemplate: "{code}-{name}" })],
        seed + 7,
      ),
    };
    const withOps = {
      ...world,
      mappings: [...world.mappings, mirror("OPS", { namingTemplate: "{code}-{name}" })],
    };
    expect(JSON.stringify(plan(mixed))).toBe(JSON.stringify(plan(withOps)));
    expect(reference.changes.length).toBeGreaterThan(0);
  });
});

describe("planSync ops", () => {
  it.each(OP_TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const world = row.world();
    const p = plan(world);
    expect(ops(p)).toEqual(row.expected);
    row.check?.(p, world);
  });
});
