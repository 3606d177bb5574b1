// The planSync op table: one HR/IM scenario per row and the changes it must plan.
// plan-sync.test.ts runs each row, and checks every row is idempotent once applied.
import { expect } from "vitest";
import type { SyncPlan } from "../types";
import { NOW, employee, mirror, options, unit } from "./fixtures";
import {
  EMPLOYEES,
  HR,
  MAPPINGS,
  UNITS,
  stepped,
  synced,
  withEmployee,
  withUser,
  type World,
} from "./test-world";

export type OpRow = {
  name: string;
  world: () => World;
  expected: string[];
  check?: (p: SyncPlan, w: World) => void;
};

export const OP_TABLE: OpRow[] = [
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
