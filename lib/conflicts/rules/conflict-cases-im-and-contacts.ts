// detectConflicts cases: IM edits to mirrored groups, accounts owned by someone else, shared contacts.
import { expect } from "vitest";
import { employee } from "@/lib/sync/rules/fixtures";
import { EMPLOYEES, HR, UNITS, withEmployee } from "@/lib/sync/rules/test-world";
import { base, hrWith, type ConflictCase } from "./conflict-case";

export const IM_AND_CONTACT_CASES: ConflictCase[] = [
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
];
