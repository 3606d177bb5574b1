import { describe, expect, it } from "vitest";
import { NOW, employee, input, mirror, options, shuffled, unit } from "./fixtures";
import { planSync } from "./plan-sync";
import {
  EMPLOYEES,
  HR,
  MAPPINGS,
  UNITS,
  applyAndReplan,
  ops,
  plan,
  stepped,
  synced,
  withEmployee,
  withUser,
  type World,
} from "./test-world";
import type { HrState, ImState, SyncPlan } from "../types";

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

type OpRow = {
  name: string;
  world: () => World;
  expected: string[];
  check?: (p: SyncPlan, w: World) => void;
};

const OP_TABLE: OpRow[] = [
  {
    name: "HR renames a unit → group.rename",
    world: () => ({
      ...synced(),
      hr: {
        units: UNITS.map((u) => (u.code === "FE" ? { ...u, name: "Web" } : u)),
        employees: EMPLOYEES,
      },
    }),
    expected: ["group.rename FE"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { externalId: "g-FE", name: "Unit FE" },
        after: { externalId: "g-FE", name: "Web" },
      }),
  },
  {
    name: "HR moves a unit → group.move",
    world: () => ({
      ...synced(),
      hr: {
        units: UNITS.map((u) => (u.code === "FE" ? { ...u, parentCode: "SALES" } : u)),
        employees: EMPLOYEES,
      },
    }),
    expected: ["group.move FE"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { parentExternalId: "g-RD" },
        after: { parent: { externalId: "g-SALES" } },
      }),
  },
  {
    name: "HR moves a unit under a new unit → create parent, then move",
    world: () => ({
      ...synced(),
      hr: {
        units: [
          ...UNITS.map((u) => (u.code === "FE" ? { ...u, parentCode: "WEB" } : u)),
          unit("WEB", "RD"),
        ],
        employees: EMPLOYEES,
      },
    }),
    expected: ["group.create WEB", "group.move FE"],
    check: (p) =>
      expect(p.changes[1]).toMatchObject({ after: { parent: { pendingUnitCode: "WEB" } } }),
  },
  {
    name: "HR renames the naming template → renames every mirrored group",
    world: () => ({ ...synced(), mappings: [mirror("HQ", { namingTemplate: "{code}-{name}" })] }),
    expected: [
      "group.rename HQ",
      "group.rename RD",
      "group.rename SALES",
      "group.rename BE",
      "group.rename FE",
    ],
  },
  {
    name: "new unit with a new hire → group.create + account.create into it",
    world: () => ({
      ...synced(),
      hr: { units: [...UNITS, unit("QA", "RD")], employees: [...EMPLOYEES, employee("E4", "QA")] },
    }),
    expected: ["group.create QA", "account.create E4"],
    check: (p) =>
      expect(p.changes[1]).toMatchObject({ after: { groups: [{ pendingUnitCode: "QA" }] } }),
  },
  {
    name: "unit closed after its people moved → account.move then group.delete",
    world: () => ({
      ...synced(),
      hr: {
        units: UNITS.map((u) => (u.code === "BE" ? { ...u, active: false } : u)),
        employees: EMPLOYEES.map((e) => (e.employeeNo === "E2" ? { ...e, unitCode: "FE" } : e)),
      },
    }),
    expected: ["account.move E2", "group.delete BE"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        after: { add: [{ externalId: "g-FE" }], remove: ["g-BE"] },
      }),
  },
  {
    name: "unit removed from HR with its subtree → group deletes child before parent",
    world: () => ({
      ...synced(),
      hr: {
        units: UNITS.filter((u) => !["RD", "FE", "BE"].includes(u.code)),
        employees: EMPLOYEES.map((e) => (e.unitCode === "SALES" ? e : { ...e, unitCode: "SALES" })),
      },
    }),
    expected: [
      "account.move E1",
      "account.move E2",
      "group.delete BE",
      "group.delete FE",
      "group.delete RD",
    ],
  },
  {
    name: "HR changes name and email → one account.update with both fields",
    world: () => ({
      ...synced(),
      hr: withEmployee(HR, "E1", { name: "Alice", email: "alice@corp.example" }),
    }),
    expected: ["account.update E1"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { fields: { name: "Name E1", email: "e1@corp.example" } },
        after: { imUserId: "E1", fields: { name: "Alice", email: "alice@corp.example" } },
      }),
  },
  {
    name: "HR changes the title (not readable from IM) → account.update title",
    world: () => ({ ...synced(), hr: withEmployee(HR, "E3", { title: "Lead" }) }),
    expected: ["account.update E3"],
    check: (p) => expect(p.changes[0]).toMatchObject({ after: { fields: { title: "Lead" } } }),
  },
  {
    name: "contact formatting differences are not changes",
    world: () => ({
      ...synced(),
      im: withUser(synced().im, "E1", { email: "E1@CORP.example", mobile: "+86 138-0000-0001" }),
    }),
    expected: [],
  },
  {
    name: "IM-only edit of a person field is reverted to HR",
    world: () => ({ ...synced(), im: withUser(synced().im, "E1", { name: "Hand edit" }) }),
    expected: ["account.update E1"],
  },
  {
    name: "transfer → account.move adds the new group and removes the old",
    world: () => ({ ...synced(), hr: withEmployee(HR, "E1", { unitCode: "SALES" }) }),
    expected: ["account.move E1"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { groupIds: ["g-FE"] },
        after: { add: [{ externalId: "g-SALES" }], remove: ["g-FE"] },
      }),
  },
  {
    name: "membership in hand-made IM groups is left alone",
    world: () => {
      const w = synced();
      return {
        ...w,
        im: {
          groups: [...w.im.groups, { externalId: "project-x", name: "Project X" }],
          users: withUser(w.im, "E1", { groupIds: ["g-FE", "project-x"] }).users,
        },
      };
    },
    expected: [],
  },
  {
    name: "on leave with suspend → account.suspend",
    world: () => ({ ...synced(), hr: withEmployee(HR, "E2", { status: "on_leave" }) }),
    expected: ["account.suspend E2"],
  },
  {
    name: "on leave with keep → nothing",
    world: () => ({
      ...synced(
        undefined,
        undefined,
        options({ lifecycle: { ...options().lifecycle, onLeave: "keep" } }),
      ),
      hr: withEmployee(HR, "E2", { status: "on_leave" }),
    }),
    expected: [],
  },
  {
    name: "back from leave → account.update enabled",
    world: () => ({ ...stepped(withEmployee(HR, "E2", { status: "on_leave" })), hr: HR }),
    expected: ["account.update E2"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { enabled: false },
        after: { enabled: true, fields: {} },
      }),
  },
  {
    name: "termination, default end of day → account.disable effective at company midnight",
    world: () => ({
      ...synced(),
      hr: withEmployee(HR, "E1", {
        status: "terminated",
        terminationDate: "2025-03-10",
        terminationReason: "resigned",
      }),
    }),
    expected: ["account.disable E1"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        after: { state: "DISABLED", effectiveAt: "2025-03-10T16:00:00.000Z", reason: "resigned" },
      }),
  },
  {
    name: "termination for misconduct → immediate account.disable",
    world: () => ({
      ...synced(),
      hr: withEmployee(HR, "E1", {
        status: "terminated",
        terminationDate: "2025-03-10",
        terminationReason: "misconduct",
      }),
    }),
    expected: ["account.disable E1"],
    check: (p, w) => {
      const after = (p.changes[0] as { after: { effectiveAt: string } }).after;
      expect(Date.parse(after.effectiveAt)).toBeLessThanOrEqual(w.options.now.getTime());
    },
  },
  {
    name: "terminated, disabled 31.5 days ago (grace 30) → account.delete",
    world: () =>
      stepped(
        withEmployee(HR, "E1", { status: "terminated", terminationDate: "2025-02-06" }),
        new Date("2025-02-07T04:00:00Z"),
      ),
    expected: ["account.delete E1"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        before: { state: "DISABLED", disabledAt: "2025-02-06T16:00:00.000Z" },
        after: { state: "DELETED" },
      }),
  },
  {
    name: "terminated, disabled 29.5 days ago → nothing yet",
    world: () =>
      stepped(
        withEmployee(HR, "E1", { status: "terminated", terminationDate: "2025-02-08" }),
        new Date("2025-02-09T04:00:00Z"),
      ),
    expected: [],
  },
  {
    name: "termination found late, past the grace → disable and delete in one run",
    world: () => ({
      ...synced(),
      hr: withEmployee(HR, "E1", { status: "terminated", terminationDate: "2025-01-31" }),
    }),
    expected: ["account.disable E1", "account.delete E1"],
  },
  {
    name: "deleteAfterDays null → never deletes",
    world: () => {
      const opts = options({ lifecycle: { ...options().lifecycle, deleteAfterDays: null } });
      return {
        ...stepped(
          withEmployee(HR, "E1", { status: "terminated", terminationDate: "2024-01-01" }),
          new Date("2024-01-02T00:00:00Z"),
          opts,
        ),
        options: opts,
      };
    },
    expected: [],
  },
  {
    name: "on leave then terminated while suspended → memory only, no IM call",
    world: () => ({
      ...stepped(withEmployee(HR, "E2", { status: "on_leave" })),
      hr: withEmployee(HR, "E2", { status: "terminated", terminationDate: "2025-03-10" }),
    }),
    expected: [],
    check: (p) =>
      expect(p.memoryUpdates).toEqual([
        {
          kind: "account",
          employeeNo: "E2",
          imUserId: "E2",
          state: "DISABLED",
          disabledAt: "2025-03-10T16:00:00.000Z",
        },
      ]),
  },
  {
    name: "employee gone from HR → account.disable (missing_from_hr)",
    world: () => ({ ...synced(), hr: withEmployee(HR, "E3", null) }),
    expected: ["account.disable E3"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        after: { reason: "missing_from_hr", effectiveAt: NOW.toISOString() },
      }),
  },
  {
    name: "hire date in 4 days (window 3) → nothing; in 3 → account.create",
    world: () => ({
      ...synced(),
      hr: {
        units: UNITS,
        employees: [
          ...EMPLOYEES,
          employee("E4", "FE", { status: "onboarding", hireDate: "2025-03-14" }),
          employee("E5", "FE", { status: "onboarding", hireDate: "2025-03-13" }),
        ],
      },
    }),
    expected: ["account.create E5"],
  },
  {
    name: "IM user deleted by hand → recreated",
    world: () => ({ ...synced(), im: withUser(synced().im, "E2", null) }),
    expected: ["account.create E2"],
  },
  {
    name: "mirrored group deleted by hand → recreated and members re-added",
    world: () => {
      const w = synced();
      return {
        ...w,
        im: {
          groups: w.im.groups.filter((g) => g.externalId !== "g-SALES"),
          users: withUser(w.im, "E3", { groupIds: [] }).users,
        },
      };
    },
    expected: ["group.create SALES", "account.move E3"],
    check: (p) =>
      expect(p.changes[1]).toMatchObject({
        after: { add: [{ pendingUnitCode: "SALES" }], remove: [] },
      }),
  },
  {
    name: "switching a unit to LINK moves its people and deletes the emptied mirror",
    world: () => {
      const w = synced();
      return {
        ...w,
        im: {
          groups: [...w.im.groups, { externalId: "ext-sales", name: "Sales (hand-made)" }],
          users: w.im.users,
        },
        mappings: [...MAPPINGS, mirror("SALES", { mode: "LINK", imGroupExternalId: "ext-sales" })],
      };
    },
    expected: ["account.move E3", "group.delete SALES"],
    check: (p) =>
      expect(p.changes[0]).toMatchObject({
        after: { add: [{ externalId: "ext-sales" }], remove: ["g-SALES"] },
      }),
  },
  {
    name: "re-enabling a disabled account on rehire",
    world: () => ({
      ...stepped(withEmployee(HR, "E1", { status: "terminated", terminationDate: "2025-03-01" })),
      hr: HR,
    }),
    expected: ["account.update E1"],
  },
];

describe("planSync ops", () => {
  it.each(OP_TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const world = row.world();
    const p = plan(world);
    expect(ops(p)).toEqual(row.expected);
    row.check?.(p, world);
  });
});

describe("mapping inheritance", () => {
  it("LINK with descendants puts the subtree's people in the linked group, without mirroring sub-units", () => {
    const im: ImState = { groups: [{ externalId: "sales-chat", name: "Sales" }], users: [] };
    const hr: HrState = {
      units: [...UNITS, unit("SALES-N", "SALES")],
      employees: [...EMPLOYEES, employee("E4", "SALES-N")],
    };
    const p = planSync(
      input({
        hr,
        im,
        mappings: [
          mirror("HQ"),
          mirror("SALES", { mode: "LINK", imGroupExternalId: "sales-chat" }),
        ],
      }),
    );
    expect(ops(p).filter((o) => o.startsWith("group"))).toEqual([
      "group.create HQ",
      "group.create RD",
      "group.create BE",
      "group.create FE",
    ]);
    expect(p.changes.find((c) => c.targetKey === "E4")).toMatchObject({
      after: { groups: [{ externalId: "sales-chat" }] },
    });
  });

  it("a MIRROR unit under a LINK unit is created inside the linked group", () => {
    const im: ImState = {
      groups: [
        { externalId: "rd", name: "R&D", parentExternalId: "root-x" },
        { externalId: "root-x", name: "Root" },
      ],
      users: [],
    };
    const p = planSync(
      input({
        hr: HR,
        im,
        mappings: [
          mirror("RD", { mode: "LINK", imGroupExternalId: "rd", includeDescendants: false }),
          mirror("FE"),
        ],
      }),
    );
    expect(p.changes.find((c) => c.op === "group.create")).toMatchObject({
      targetKey: "FE",
      after: { parent: { externalId: "rd" } },
    });
  });

  it("EXCLUDE leaves the subtree's accounts alone and raises no conflict", () => {
    const p = planSync(
      input({ hr: HR, mappings: [mirror("HQ"), mirror("RD", { mode: "EXCLUDE" })] }),
    );
    expect(ops(p)).toEqual(["group.create HQ", "group.create SALES", "account.create E3"]);
    expect(p.conflicts).toEqual([]);
  });

  it("a unit with a non-inheriting mapping is mirrored alone; its children inherit from further up", () => {
    const p = planSync(input({ hr: HR, mappings: [mirror("RD", { includeDescendants: false })] }));
    expect(ops(p).filter((o) => o.startsWith("group"))).toEqual(["group.create RD"]);
    expect(p.conflicts.map((c) => `${c.type} ${c.subjectKey}`)).toEqual([
      "unmapped_unit BE",
      "unmapped_unit FE",
      "unmapped_unit SALES",
    ]);
  });

  it("existing IM group with the target name and parent is adopted, not duplicated", () => {
    const im: ImState = { groups: [{ externalId: "hq-1", name: "Unit HQ" }], users: [] };
    const p = planSync(input({ hr: HR, im, mappings: MAPPINGS }));
    expect(ops(p).slice(0, 2)).toEqual(["group.create RD", "group.create SALES"]);
    expect(p.changes[0]).toMatchObject({ after: { parent: { externalId: "hq-1" } } });
    expect(p.memoryUpdates).toContainEqual({
      kind: "unitGroup",
      orgUnitCode: "HQ",
      externalId: "hq-1",
    });
  });
});

describe("out-of-order HR (child before parent)", () => {
  it("defers a unit whose parent has not arrived, and its people, without conflicts", () => {
    const hr: HrState = {
      units: [unit("HQ"), unit("FE", "RD")],
      employees: [employee("E1", "FE"), employee("E9", "LATE")],
    };
    const p = planSync(input({ hr, mappings: MAPPINGS }));
    expect(ops(p)).toEqual(["group.create HQ"]);
    expect(p.conflicts).toEqual([]);
    expect(p.summary).toMatchObject({ deferredUnits: 1, deferredEmployees: 2 });
  });

  it("creates parent before child once the parent arrives", () => {
    const first = synced({
      units: [unit("HQ"), unit("FE", "RD")],
      employees: [employee("E1", "FE")],
    });
    const p = plan({
      ...first,
      hr: {
        units: [unit("HQ"), unit("FE", "RD"), unit("RD", "HQ")],
        employees: [employee("E1", "FE")],
      },
    });
    expect(ops(p)).toEqual(["group.create RD", "group.create FE", "account.create E1"]);
  });

  it("does not delete the group of a unit whose new parent has not arrived", () => {
    const w = synced();
    const p = plan({
      ...w,
      hr: {
        units: UNITS.map((u) => (u.code === "FE" ? { ...u, parentCode: "NEW" } : u)),
        employees: EMPLOYEES,
      },
    });
    expect(p.changes).toEqual([]);
  });

  it("treats a parent cycle as deferred", () => {
    const p = planSync(
      input({
        hr: { units: [unit("X", "Y"), unit("Y", "X")], employees: [] },
        mappings: [mirror("X")],
      }),
    );
    expect(p.changes).toEqual([]);
    expect(p.summary.deferredUnits).toBe(2);
  });
});

describe("IM capabilities", () => {
  it("group chats only: flat groups, no depth limit", () => {
    const opts = options({ capabilities: { departments: false, groupChats: true, maxDepth: 1 } });
    const p = planSync(input({ hr: HR, mappings: MAPPINGS, options: opts }));
    const creates = p.changes.filter((c) => c.op === "group.create");
    expect(creates).toHaveLength(5);
    for (const c of creates) expect(c.after).toMatchObject({ parent: null });
    expect(p.conflicts).toEqual([]);
  });

  it("no groups at all: accounts are created without membership", () => {
    const opts = options({ capabilities: { departments: false, groupChats: false, maxDepth: 0 } });
    const p = planSync(input({ hr: HR, mappings: MAPPINGS, options: opts }));
    expect(ops(p)).toEqual(["account.create E1", "account.create E2", "account.create E3"]);
    expect(p.changes[0]).toMatchObject({ after: { groups: [] } });
  });
});

describe("safety threshold", () => {
  const many = (n: number): HrState => ({
    units: UNITS,
    employees: Array.from({ length: n }, (_, i) =>
      employee(`E${String(i).padStart(3, "0")}`, "FE"),
    ),
  });
  const terminate = (hr: HrState, count: number): HrState => ({
    units: hr.units,
    employees: hr.employees.map((e, i) =>
      i < count ? { ...e, status: "terminated" as const, terminationDate: "2025-03-09" } : e,
    ),
  });

  it.each([
    [100, 10, false],
    [100, 11, true],
    [20, 2, false],
    [20, 3, true],
  ])("%i managed, %i disabled → held %s", (size, disabled, held) => {
    const w = synced(many(size));
    const p = plan({ ...w, hr: terminate(w.hr, disabled) });
    expect(p.summary.destructive).toBe(disabled);
    expect(p.summary.held).toBe(held);
    expect(p.conflicts.some((c) => c.type === "deletion_threshold")).toBe(held);
    expect(p.summary.counts["account.disable"]).toBe(disabled);
  });

  it("absolute limit trips for a large company", () => {
    const w = synced(many(1000), MAPPINGS, options({ safety: { percent: 10, absolute: 50 } }));
    expect(plan({ ...w, hr: terminate(w.hr, 50) }).summary.held).toBe(false);
    expect(plan({ ...w, hr: terminate(w.hr, 51) }).summary).toMatchObject({
      held: true,
      destructiveLimit: 50,
    });
  });

  it("a scoped (incremental) plan measures the limit against the whole connection's accounts", () => {
    const w = synced(many(20));
    const one = { ...w, hr: terminate(w.hr, 1) };
    const scoped = { ...one, hr: { units: one.hr.units, employees: one.hr.employees.slice(0, 1) } };
    scoped.memory = {
      ...scoped.memory,
      accounts: scoped.memory.accounts.filter(
        (a) => a.employeeNo === scoped.hr.employees[0].employeeNo,
      ),
    };
    expect(plan(scoped).summary).toMatchObject({ destructive: 1, held: true, managedAccounts: 1 });
    expect(
      plan({ ...scoped, options: { ...scoped.options, managedAccountsTotal: 20 } }).summary,
    ).toMatchObject({ destructive: 1, held: false, managedAccounts: 20 });
  });

  it("suspensions do not count", () => {
    const w = synced(many(20));
    const hr = {
      units: UNITS,
      employees: w.hr.employees.map((e, i) => (i < 10 ? { ...e, status: "on_leave" as const } : e)),
    };
    expect(plan({ ...w, hr }).summary).toMatchObject({ destructive: 0, held: false });
  });

  it("the threshold conflict keeps its fingerprint on replan", () => {
    const w = synced(many(20));
    const a = plan({ ...w, hr: terminate(w.hr, 5) }).conflicts.find(
      (c) => c.type === "deletion_threshold",
    )!;
    const b = plan({
      ...w,
      hr: { ...terminate(w.hr, 5), employees: shuffled(terminate(w.hr, 5).employees, 7) },
    }).conflicts.find((c) => c.type === "deletion_threshold")!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});
