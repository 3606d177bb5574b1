// planSync: what the IM can hold (capabilities) and the safety threshold.
import { describe, expect, it } from "vitest";
import { employee, input, options, shuffled } from "./fixtures";
import { planSync } from "./plan-sync";
import { HR, MAPPINGS, UNITS, ops, plan, synced } from "./test-world";
import type { HrState } from "../types";

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
