// detectConflicts cases: unmapped units, both sides changed, orphans, mappings, IM limits, the safety threshold.
import { expect } from "vitest";
import { employee, mirror, options, unit } from "@/lib/sync/rules/fixtures";
import {
  EMPLOYEES,
  HR,
  MAPPINGS,
  UNITS,
  withEmployee,
  withUser,
} from "@/lib/sync/rules/test-world";
import { base, hrWith, type ConflictCase } from "./conflict-case";

export const SCOPE_AND_LIMIT_CASES: ConflictCase[] = [
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
