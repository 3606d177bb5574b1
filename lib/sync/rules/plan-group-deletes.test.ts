// planGroupDeletes through planSync: a scoped (incremental) plan sees only its employees' IM users, so
// the memberships of everyone else decide whether a group it would delete is empty.
import { describe, expect, it } from "vitest";
import { mirror } from "./fixtures";
import { MAPPINGS, ops, plan, synced, type World } from "./test-world";

/** The synced company with SALES (E3's unit) excluded, planned for E1 only, as an incremental run would. */
function excludedSalesScopedToE1(): World {
  const w = synced();
  return {
    ...w,
    mappings: [...MAPPINGS, mirror("SALES", { mode: "EXCLUDE" })],
    hr: { units: w.hr.units, employees: w.hr.employees.filter((e) => e.employeeNo === "E1") },
    im: { groups: w.im.groups, users: w.im.users.filter((u) => u.imUserId === "E1") },
    memory: { ...w.memory, accounts: w.memory.accounts.filter((a) => a.employeeNo === "E1") },
  };
}

const everyone = () =>
  synced().im.users.map((u) => ({ imUserId: u.imUserId, groupIds: u.groupIds }));

describe("group deletes in a scoped plan", () => {
  it("without the other users' memberships the excluded group looks empty (why the engine reads them)", () => {
    expect(ops(plan(excludedSalesScopedToE1()))).toEqual(["group.delete SALES"]);
  });

  it("a member outside the scope keeps the group, with group_not_empty naming them", () => {
    const w = excludedSalesScopedToE1();
    const p = plan({ ...w, im: { ...w.im, memberships: everyone() } });
    expect(ops(p)).toEqual([]);
    expect(p.conflicts.map((c) => [c.type, c.subjectKey])).toEqual([
      ["group_not_empty", "g-SALES"],
    ]);
    expect(p.conflicts[0]).toMatchObject({
      hrValue: { unitCode: "SALES" },
      imValue: { memberIds: ["E3"], childGroupIds: [] },
    });
  });

  it("the scope's own users count by their full record, not twice", () => {
    const w = excludedSalesScopedToE1();
    // E1's listing entry is stale (still in SALES); the full record read for the scope says FE only.
    const memberships = everyone().map((m) =>
      m.imUserId === "E1" ? { ...m, groupIds: [...m.groupIds, "g-SALES"] } : m,
    );
    const p = plan({ ...w, im: { ...w.im, memberships } });
    expect(p.conflicts[0]).toMatchObject({ imValue: { memberIds: ["E3"] } });
  });

  it("once nobody outside the scope is in the group, the scoped plan deletes it", () => {
    const w = excludedSalesScopedToE1();
    const memberships = everyone().map((m) =>
      m.imUserId === "E3" ? { ...m, groupIds: m.groupIds.filter((g) => g !== "g-SALES") } : m,
    );
    const p = plan({ ...w, im: { ...w.im, memberships } });
    expect(ops(p)).toEqual(["group.delete SALES"]);
    expect(p.conflicts).toEqual([]);
  });
});
