import { describe, expect, it } from "vitest";
import { employee, input, mirror, options, unit } from "@/lib/sync/rules/fixtures";
import { planSync } from "@/lib/sync/rules/plan-sync";
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
import type { SyncPlan } from "@/lib/sync/types";
import type { ConflictType } from "../types";

type Row = {
  name: string;
  world: () => World;
  /** "type subjectKey" of every expected conflict. */
  conflicts: string[];
  /** Ops that must be planned (exact list). */
  changes: string[];
  check?: (p: SyncPlan) => void;
};

const base = () => synced();
const hrWith = (extra: ReturnType<typeof employee>[], units = UNITS) => ({
  units,
  employees: [...EMPLOYEES, ...extra],
});

const TABLE: Row[] = [
  {
    name: "im_group_renamed: IM renamed a mirrored group by hand → no rename planned",
    world: () => {
      const w = base();
      return {
        ...w,
        im: {
          ...w.im,
          groups: w.im.groups.map((g) =>
            g.externalId === "g-FE" ? { ...g, name: "Web Team" } : g,
          ),
        },
      };
    },
    conflicts: ["im_group_renamed g-FE"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        subjectType: "im_group",
        hrValue: { unitCode: "FE", name: "Unit FE" },
        imValue: { name: "Web Team", lastSyncedName: "Unit FE" },
      }),
  },
  {
    name: "im_group_renamed: HR and IM both renamed → still a conflict, no rename",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: {
          units: UNITS.map((u) => (u.code === "FE" ? { ...u, name: "Frontend" } : u)),
          employees: EMPLOYEES,
        },
        im: {
          ...w.im,
          groups: w.im.groups.map((g) =>
            g.externalId === "g-FE" ? { ...g, name: "Web Team" } : g,
          ),
        },
      };
    },
    conflicts: ["im_group_renamed g-FE"],
    changes: [],
  },
  {
    name: "im_group_moved: IM moved a mirrored group by hand → no move planned",
    world: () => {
      const w = base();
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
    conflicts: ["im_group_moved g-FE"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { unitCode: "FE", parent: { externalId: "g-RD" } },
        imValue: { parentExternalId: "g-SALES", lastSyncedParentExternalId: "g-RD" },
      }),
  },
  {
    name: "account_owned_by_other: new hire's mobile belongs to an unlinked IM user → no create, no orphan",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: hrWith([employee("E4", "FE", { mobile: "+8613999999999" })]),
        im: {
          ...w.im,
          users: [
            ...w.im.users,
            {
              imUserId: "zhangsan",
              name: "张三",
              mobile: "+86 139-9999-9999",
              groupIds: [],
              enabled: true,
            },
          ],
        },
      };
    },
    conflicts: ["account_owned_by_other E4"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        subjectType: "employee",
        imValue: { owners: [{ imUserId: "zhangsan", name: "张三", matchedOn: ["mobile"] }] },
      }),
  },
  {
    name: "account_owned_by_other: an unlinked IM user already has the employee number as id (case-insensitive)",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: hrWith([employee("E4", "FE")]),
        im: {
          ...w.im,
          users: [...w.im.users, { imUserId: "e4", name: "Someone", groupIds: [], enabled: true }],
        },
      };
    },
    conflicts: ["account_owned_by_other E4"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        imValue: { owners: [{ imUserId: "e4", matchedOn: ["imUserId"] }] },
      }),
  },
  {
    name: "account_owned_by_other: an email change to another IM user's email is blocked; other fields still update",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: withEmployee(HR, "E1", { email: "e2@corp.example", name: "Alice" }),
      };
    },
    // HR itself has the email twice (E1 and E2): the duplicate is reported, and it alone blocks the write.
    conflicts: ["duplicate_contact email:e2@corp.example"],
    changes: ["account.update E1"],
    check: (p) => {
      expect(p.changes[0]).toMatchObject({ after: { fields: { name: "Alice" } } });
      expect(p.changes[0].after).not.toHaveProperty("fields.email");
    },
  },
  {
    name: "account_owned_by_other: an email change to an unlinked IM user's email is blocked; other fields still update",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: withEmployee(HR, "E1", { email: "shared@corp.example", name: "Alice" }),
        im: {
          ...w.im,
          users: [
            ...w.im.users,
            { imUserId: "x", name: "X", email: "shared@corp.example", groupIds: [], enabled: true },
          ],
        },
      };
    },
    conflicts: ["account_owned_by_other E1"],
    changes: ["account.update E1"],
    check: (p) => {
      expect(p.changes[0]).toMatchObject({ after: { fields: { name: "Alice" } } });
      expect(p.changes[0].after).not.toHaveProperty("fields.email");
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { linkedImUserId: "E1" },
        imValue: { owners: [{ imUserId: "x", matchedOn: ["email"] }] },
      });
    },
  },
  {
    name: "duplicate_contact: two new hires share a mobile → neither is created",
    world: () => ({
      ...base(),
      hr: hrWith([
        employee("E4", "FE", { mobile: "+8613700000000" }),
        employee("E5", "BE", { mobile: "+86 137 0000 0000" }),
      ]),
    }),
    conflicts: ["duplicate_contact mobile:+8613700000000"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        subjectType: "contact",
        hrValue: { field: "mobile", employeeNos: ["E4", "E5"] },
      }),
  },
  {
    name: "duplicate_contact: a terminated employee's old mobile reused by a new hire is not a duplicate",
    world: () => {
      const hr = hrWith([employee("E4", "FE", { mobile: "+8613800000002" })]);
      return {
        ...base(),
        hr: {
          units: hr.units,
          employees: hr.employees.map((e) =>
            e.employeeNo === "E2"
              ? { ...e, status: "terminated" as const, terminationDate: "2025-03-01" }
              : e,
          ),
        },
      };
    },
    // The IM user of E2 still holds the mobile until deleted; 1 disable of 3 accounts also trips the 10% rule.
    conflicts: ["account_owned_by_other E4", "deletion_threshold destructive:"],
    changes: ["account.disable E2"],
  },
  {
    name: "unmapped_unit: active employees in a unit no mapping governs → no create",
    world: () => ({
      ...base(),
      hr: hrWith([employee("E4", "OTHER"), employee("E5", "OTHER")], [...UNITS, unit("OTHER")]),
    }),
    conflicts: ["unmapped_unit OTHER"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { reason: "no_mapping", employeeCount: 2, sample: ["E4", "E5"] },
      }),
  },
  {
    name: "unmapped_unit: employee without a unit, and one in a closed unit",
    world: () => ({
      ...base(),
      hr: hrWith(
        [employee("E4", undefined), employee("E5", "OLD")],
        [...UNITS, unit("OLD", "HQ", { active: false })],
      ),
    }),
    conflicts: ["unmapped_unit ", "unmapped_unit OLD"],
    changes: [],
  },
  {
    name: "unmapped_unit: not raised for terminated or not-yet-due employees",
    world: () => ({
      ...base(),
      hr: hrWith(
        [
          employee("E4", "OTHER", { status: "terminated" }),
          employee("E5", "OTHER", { status: "onboarding", hireDate: "2025-06-01" }),
        ],
        [...UNITS, unit("OTHER")],
      ),
    }),
    conflicts: [],
    changes: [],
  },
  {
    name: "both_changed: name changed in HR and IM → name blocked, mobile still updated",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: withEmployee(HR, "E1", { name: "HR Name", mobile: "+8613811111111" }),
        im: withUser(w.im, "E1", { name: "IM Name" }),
      };
    },
    conflicts: ["both_changed E1#name"],
    changes: ["account.update E1"],
    check: (p) => {
      expect(p.changes[0]).toMatchObject({ after: { fields: { mobile: "+8613811111111" } } });
      expect(p.changes[0].after).not.toHaveProperty("fields.name");
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { employeeNo: "E1", field: "name", value: "HR Name" },
        imValue: { imUserId: "E1", value: "IM Name" },
      });
    },
  },
  {
    name: "both_changed: both sides changed to the same value → no conflict, just memory",
    world: () => {
      const w = base();
      return {
        ...w,
        hr: withEmployee(HR, "E1", { name: "Same" }),
        im: withUser(w.im, "E1", { name: "Same" }),
      };
    },
    conflicts: [],
    changes: [],
  },
  {
    name: "orphan_im_user: IM user unknown to HR and not created by OrgBridge",
    world: () => {
      const w = base();
      return {
        ...w,
        im: {
          ...w.im,
          users: [
            ...w.im.users,
            {
              imUserId: "bot",
              name: "Bot",
              email: "bot@corp.example",
              groupIds: [],
              enabled: true,
            },
          ],
        },
      };
    },
    conflicts: ["orphan_im_user bot"],
    changes: [],
  },
  {
    name: "mapping_group_deleted: LINK to an IM group that no longer exists → its people are not moved",
    world: () => ({
      ...base(),
      mappings: [...MAPPINGS, mirror("SALES", { mode: "LINK", imGroupExternalId: "gone" })],
    }),
    conflicts: ["mapping_group_deleted SALES"],
    changes: [],
  },
  {
    name: "mapping_group_deleted: LINK without a group id",
    world: () => ({
      ...base(),
      hr: hrWith([employee("E4", "SALES")]),
      mappings: [...MAPPINGS, mirror("SALES", { mode: "LINK" })],
    }),
    conflicts: ["mapping_group_deleted SALES"],
    changes: [],
  },
  {
    name: "depth_exceeded: units deeper than the IM allows are not created, nor their people",
    world: () => ({
      ...base(),
      memory: { groups: [], accounts: [], unitGroups: [] },
      im: { groups: [], users: [] },
      options: options({ capabilities: { departments: true, groupChats: false, maxDepth: 2 } }),
    }),
    conflicts: ["depth_exceeded BE", "depth_exceeded FE"],
    changes: ["group.create HQ", "group.create RD", "group.create SALES", "account.create E3"],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({ hrValue: { unitCode: "BE", depth: 3, maxDepth: 2 } }),
  },
  {
    name: "invalid_group_name: a forbidden character blocks the unit and its subtree",
    world: () => ({
      ...base(),
      im: { groups: [], users: [] },
      memory: { groups: [], accounts: [], unitGroups: [] },
      hr: {
        units: UNITS.map((u) => (u.code === "RD" ? { ...u, name: "R&D: Core" } : u)),
        employees: EMPLOYEES,
      },
    }),
    conflicts: ["invalid_group_name RD"],
    changes: ["group.create HQ", "group.create SALES", "account.create E3"],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { unitCode: "RD", template: "{name}", error: "forbidden_char" },
      }),
  },
  {
    name: "group_not_empty: an excluded unit's group still holds people OrgBridge no longer moves",
    world: () => ({ ...base(), mappings: [...MAPPINGS, mirror("SALES", { mode: "EXCLUDE" })] }),
    conflicts: ["group_not_empty g-SALES"],
    changes: [],
    check: (p) =>
      expect(p.conflicts[0]).toMatchObject({
        hrValue: { unitCode: "SALES" },
        imValue: { memberIds: ["E3"], childGroupIds: [] },
      }),
  },
  {
    name: "deletion_threshold: 2 of 3 accounts disabled → held with a conflict",
    world: () => ({ ...base(), hr: { units: UNITS, employees: [EMPLOYEES[0]] } }),
    conflicts: ["deletion_threshold destructive:"],
    changes: ["account.disable E2", "account.disable E3"],
    check: (p) =>
      expect(p.summary).toMatchObject({
        held: true,
        destructive: 2,
        destructiveLimit: 0,
        managedAccounts: 3,
      }),
  },
];

const key = (c: { type: string; subjectKey: string }) =>
  c.type === "deletion_threshold" ? "deletion_threshold destructive:" : `${c.type} ${c.subjectKey}`;

describe("detectConflicts (through planSync)", () => {
  it.each(TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const p = plan(row.world());
    expect(p.conflicts.map(key).sort()).toEqual([...row.conflicts].sort());
    expect(ops(p)).toEqual(row.changes);
    row.check?.(p);
  });

  it("covers every conflict type", () => {
    const seen = new Set(TABLE.flatMap((r) => r.conflicts.map((c) => c.split(" ")[0])));
    const all: ConflictType[] = [
      "im_group_renamed",
      "im_group_moved",
      "account_owned_by_other",
      "duplicate_contact",
      "unmapped_unit",
      "both_changed",
      "orphan_im_user",
      "mapping_group_deleted",
      "depth_exceeded",
      "invalid_group_name",
      "group_not_empty",
      "deletion_threshold",
    ];
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it("fingerprints are stable across reruns and distinct across conflicts", () => {
    for (const row of TABLE) {
      const a = plan(row.world()).conflicts.map((c) => c.fingerprint);
      const b = plan(row.world()).conflicts.map((c) => c.fingerprint);
      expect(a).toEqual(b);
      expect(new Set(a).size).toBe(a.length);
    }
    const all = TABLE.flatMap((r) =>
      plan(r.world()).conflicts.map((c) => `${c.fingerprint} ${c.type} ${c.subjectKey}`),
    );
    const byFingerprint = new Map<string, string>();
    for (const line of all) {
      const [fp, ...rest] = line.split(" ");
      const subject = rest.join(" ");
      expect(byFingerprint.get(fp) ?? subject).toBe(subject);
      byFingerprint.set(fp, subject);
    }
  });

  it("fingerprint ignores values but includes the scope", () => {
    const renamed = (name: string, scope: string) => {
      const w = base();
      return planSync({
        hr: w.hr,
        memory: w.memory,
        mappings: w.mappings,
        options: { ...w.options, fingerprintScope: scope },
        im: {
          ...w.im,
          groups: w.im.groups.map((g) => (g.externalId === "g-FE" ? { ...g, name } : g)),
        },
      }).conflicts[0].fingerprint;
    };
    expect(renamed("A", "conn-1")).toBe(renamed("B", "conn-1"));
    expect(renamed("A", "conn-1")).not.toBe(renamed("A", "conn-2"));
    expect(renamed("A", "conn-1")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("an orphan matched to an HR employee by contact is not an orphan", () => {
    const p = planSync(
      input({
        hr: { units: UNITS, employees: [employee("E1", "FE", { status: "terminated" })] },
        im: {
          groups: [],
          users: [
            {
              imUserId: "legacy",
              name: "Old",
              email: "E1@corp.example",
              groupIds: [],
              enabled: true,
            },
          ],
        },
        mappings: MAPPINGS,
      }),
    );
    expect(p.conflicts.filter((c) => c.type === "orphan_im_user")).toEqual([]);
  });
});

describe("detectConflicts edge cases", () => {
  it("a DELETED account whose IM user still exists is not re-created over it", () => {
    const w = synced();
    const memory = {
      ...w.memory,
      accounts: w.memory.accounts.map((a) =>
        a.employeeNo === "E1" ? { ...a, state: "DELETED" as const } : a,
      ),
    };
    const p = plan({ ...w, memory });
    expect(p.conflicts.map((c) => `${c.type} ${c.subjectKey}`)).toEqual([
      "account_owned_by_other E1",
    ]);
    expect(ops(p)).toEqual([]);
  });
});
