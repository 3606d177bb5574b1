import { describe, expect, it } from "vitest";
import { DEFAULT_AUTHORITY } from "../attribute-authority-schema";
import { employee, input, mirror, options, unit } from "./fixtures";
import { findManagerCycles } from "./find-manager-cycles";
import { parseSyncedHash } from "./parse-synced-hash";
import { planSync } from "./plan-sync";
import {
  applyAndReplan,
  ops,
  plan,
  synced,
  withEmployee,
  withUser,
  type World,
} from "./test-world";
import type { AccountCreateChange, HrEmployee, HrState, PlanOptions, SyncPlan } from "../types";

// HQ ─┬─ NEW   (mirrored)
//     └─ EXCL  (excluded)
const UNITS = [unit("HQ"), unit("NEW", "HQ"), unit("EXCL", "HQ")];
const MAPPINGS = [mirror("HQ"), mirror("EXCL", { mode: "EXCLUDE" })];
const withManagers = (extra: Partial<PlanOptions> = {}) =>
  options({
    capabilities: { departments: true, groupChats: false, maxDepth: 15, managerField: true },
    ...extra,
  });
const hr = (...employees: HrEmployee[]): HrState => ({ units: UNITS, employees });
const planOf = (state: HrState, opts = withManagers()) =>
  planSync(input({ hr: state, mappings: MAPPINGS, options: opts }));
const create = (p: SyncPlan, no: string) =>
  p.changes.find((c): c is AccountCreateChange => c.op === "account.create" && c.targetKey === no);
const conflictsOf = (p: SyncPlan) =>
  p.conflicts
    .filter((c) => c.type.startsWith("manager_"))
    .map((c) => ({ type: c.type, subject: c.subjectKey, hr: c.hrValue }));
const traceOf = (p: SyncPlan, no: string) =>
  p.traces?.find((t) => t.employeeNo === no)?.trace.find((e) => e.rule === "manager");

// A new department: the manager sorts after the reports, yet is created first.
const TEAM = hr(
  employee("A1", "NEW", { managerNo: "M9" }),
  employee("A2", "NEW", { managerNo: "M9" }),
  employee("A3", "NEW", { managerNo: "M9" }),
  employee("M9", "NEW"),
);

describe("findManagerCycles", () => {
  const table: {
    name: string;
    managers: Record<string, string>;
    cycles: Record<string, string[]>;
  }[] = [
    { name: "a chain has none", managers: { A: "B", B: "C" }, cycles: {} },
    { name: "oneself", managers: { A: "A" }, cycles: { A: ["A"] } },
    { name: "two", managers: { A: "B", B: "A" }, cycles: { A: ["A", "B"], B: ["B", "A"] } },
    {
      name: "three, entered from a chain that is not on it",
      managers: { D: "A", A: "B", B: "C", C: "A" },
      cycles: { A: ["A", "B", "C"], B: ["B", "C", "A"], C: ["C", "A", "B"] },
    },
    { name: "a manager nobody lists ends the chain", managers: { A: "X" }, cycles: {} },
  ];
  it.each(table)("$name", ({ managers, cycles }) => {
    const found = findManagerCycles(Object.keys(managers), (no) => managers[no]);
    expect(Object.fromEntries(found)).toEqual(cycles);
  });
});

describe("managers created in the same run", () => {
  const p = planOf(TEAM, withManagers({ trace: true }));

  it("creates the manager before the reports, who name the manager as pending", () => {
    expect(ops(p).filter((o) => o.startsWith("account."))).toEqual([
      "account.create M9",
      "account.create A1",
      "account.create A2",
      "account.create A3",
    ]);
    for (const no of ["A1", "A2", "A3"])
      expect(create(p, no)?.after.manager).toEqual({ pendingEmployeeNo: "M9" });
    expect(create(p, "M9")?.after.manager).toBeUndefined();
    expect(conflictsOf(p)).toEqual([]);
  });

  it("remembers the manager in a sixth hash slot, and says so in the trace", () => {
    expect(parseSyncedHash(create(p, "A1")?.after.syncedHash)?.manager).toBeDefined();
    expect(traceOf(p, "A1")).toMatchObject({ outcome: "waiting", detail: { manager: "M9" } });
    expect(traceOf(p, "M9")).toMatchObject({ outcome: "none" });
  });

  it("orders a three-level chain level by level", () => {
    const chain = planOf(
      hr(
        employee("C1", "NEW", { managerNo: "C2" }),
        employee("C2", "NEW", { managerNo: "C3" }),
        employee("C3", "NEW"),
      ),
    );
    expect(ops(chain).filter((o) => o.startsWith("account."))).toEqual([
      "account.create C3",
      "account.create C2",
      "account.create C1",
    ]);
  });

  it("is in sync once applied", () => {
    const world: World = synced(TEAM, MAPPINGS, withManagers());
    expect(plan(world).changes).toEqual([]);
    expect(world.im.users.find((u) => u.imUserId === "A2")?.managerId).toBe("M9");
  });
});

describe("manager conflicts: a report is written without a manager, never silently", () => {
  it("a loop (two people, oneself) is a manager_cycle per person on it; who only reports into it is written", () => {
    const p = planOf(
      hr(
        employee("X1", "NEW", { managerNo: "X2" }),
        employee("X2", "NEW", { managerNo: "X1" }),
        employee("S3", "NEW", { managerNo: "S3" }),
        employee("D4", "NEW", { managerNo: "X1" }),
      ),
      withManagers({ trace: true }),
    );
    expect(conflictsOf(p)).toEqual([
      {
        type: "manager_cycle",
        subject: "S3",
        hr: { employeeNo: "S3", managerNo: "S3", cycle: ["S3"] },
      },
      {
        type: "manager_cycle",
        subject: "X1",
        hr: { employeeNo: "X1", managerNo: "X2", cycle: ["X1", "X2"] },
      },
      {
        type: "manager_cycle",
        subject: "X2",
        hr: { employeeNo: "X2", managerNo: "X1", cycle: ["X2", "X1"] },
      },
    ]);
    for (const no of ["X1", "X2", "S3"]) expect(create(p, no)?.after.manager).toBeUndefined();
    expect(create(p, "D4")?.after.manager).toEqual({ pendingEmployeeNo: "X1" });
    expect(traceOf(p, "X1")).toMatchObject({ outcome: "conflict_cycle" });
  });

  const outOfScope: { name: string; manager: HrEmployee | null; reason: string }[] = [
    { name: "manager in an excluded unit", manager: employee("MX", "EXCL"), reason: "not_synced" },
    { name: "manager without a unit", manager: employee("MX", undefined), reason: "not_synced" },
    {
      name: "manager who has left",
      manager: employee("MX", "NEW", { status: "terminated", terminationDate: "2025-01-31" }),
      reason: "terminated",
    },
    { name: "manager HR does not list", manager: null, reason: "not_in_hr" },
    {
      name: "manager not hired yet (no account)",
      manager: employee("MX", "NEW", { status: "onboarding", hireDate: "2025-06-01" }),
      reason: "no_account",
    },
  ];
  it.each(outOfScope)("$name → manager_out_of_scope ($reason)", ({ manager, reason }) => {
    const report = employee("R1", "NEW", { managerNo: "MX" });
    const p = planOf(hr(report, ...(manager ? [manager] : [])), withManagers({ trace: true }));
    expect(conflictsOf(p)).toEqual([
      {
        type: "manager_out_of_scope",
        subject: "R1",
        hr: { employeeNo: "R1", managerNo: "MX", reason },
      },
    ]);
    expect(create(p, "R1")?.after.manager).toBeUndefined();
    expect(traceOf(p, "R1")).toMatchObject({
      outcome: "conflict_out_of_scope",
      detail: { manager: "MX", reason },
    });
  });

  it("an existing account in conflict keeps the IM's manager, and gets it once the cause is gone", () => {
    const world = synced(TEAM, MAPPINGS, withManagers());
    const left = withEmployee(TEAM, "M9", { status: "terminated", terminationDate: "2025-03-01" });
    const p = plan({ ...world, hr: left });
    expect(p.changes.filter((c) => c.op === "account.update")).toEqual([]);
    expect(conflictsOf(p).map((c) => c.subject)).toEqual(["A1", "A2", "A3"]);
    const back = plan({ ...world, hr: TEAM });
    expect(conflictsOf(back)).toEqual([]);
  });

  it("a platform without a manager field plans no manager and no conflict, and says why", () => {
    const p = planOf(
      hr(employee("X5", "NEW", { managerNo: "X5" }), employee("R6", "NEW", { managerNo: "M9" })),
      options({ trace: true }),
    );
    expect(conflictsOf(p)).toEqual([]);
    expect(create(p, "R6")?.after.manager).toBeUndefined();
    expect(parseSyncedHash(create(p, "R6")?.after.syncedHash)?.manager).toBeUndefined();
    expect(traceOf(p, "R6")).toMatchObject({ outcome: "unsupported" });
  });
});

describe("manager changes on existing accounts", () => {
  const base = () => synced(hr(...TEAM.employees, employee("M8", "NEW")), MAPPINGS, withManagers());
  const moved = (w: World) => withEmployee(w.hr, "A1", { managerNo: "M8" });
  const updates = (p: SyncPlan) => p.changes.filter((c) => c.op === "account.update");

  const modes: { mode: "hr_wins" | "im_wins" | "set_once"; written: boolean }[] = [
    { mode: "hr_wins", written: true },
    { mode: "im_wins", written: false },
    { mode: "set_once", written: false },
  ];
  it.each(modes)(
    "HR moves A1 to another manager under $mode: written = $written",
    ({ mode, written }) => {
      const w = base();
      const authority = { ...DEFAULT_AUTHORITY, manager: mode };
      const p = plan({ ...w, hr: moved(w), options: withManagers({ authority, trace: true }) });
      if (written)
        expect(updates(p)).toMatchObject([
          {
            targetKey: "A1",
            before: { manager: "M9" },
            after: { fields: {}, manager: { employeeNo: "M8", imUserId: "M8" } },
          },
        ]);
      else {
        expect(updates(p)).toEqual([]);
        expect(p.traces?.find((t) => t.employeeNo === "A1")?.trace.at(-1)).toMatchObject({
          rule: "manager",
          outcome: "kept",
          detail: { reason: mode },
        });
      }
    },
  );

  it("restores a manager changed by hand in IM, and clears it when HR names none", () => {
    const w = base();
    const edited = plan({ ...w, im: withUser(w.im, "A1", { managerId: "A2" }) });
    expect(updates(edited)).toMatchObject([
      { targetKey: "A1", before: { manager: "A2" }, after: { manager: { imUserId: "M9" } } },
    ]);
    const none = plan({ ...w, hr: withEmployee(w.hr, "A1", { managerNo: undefined }) });
    expect(updates(none)).toMatchObject([
      { targetKey: "A1", after: { fields: {}, manager: null } },
    ]);
    expect(
      applyAndReplan({ ...w, hr: withEmployee(w.hr, "A1", { managerNo: undefined }) }, none)
        .changes,
    ).toEqual([]);
  });

  it("a hash stored before managers were synced: an IM that agrees costs no call; one that differs is written once", () => {
    // Synced on a platform without managers: 5-slot hashes, no manager in IM.
    const old = synced(TEAM, MAPPINGS, options());
    expect(parseSyncedHash(old.memory.accounts[0].syncedHash)?.manager).toBeUndefined();
    let im = withUser(old.im, "A1", { managerId: "M9" });
    im = withUser(withUser(im, "A2", { managerId: "" }), "A3", { managerId: "M9" });
    const p = plan({ ...old, im, options: withManagers() });
    expect(updates(p).map((c) => c.targetKey)).toEqual(["A2"]);
    const a1 = p.memoryUpdates.find((m) => m.kind === "account" && m.employeeNo === "A1");
    expect(a1).toMatchObject({
      kind: "account",
      syncedHash: expect.stringMatching(/^v1(\|[^|]+){5}$/),
    });
    // Set once: an account created before managers were synced never gets one.
    const once = plan({
      ...old,
      im,
      options: withManagers({ authority: { ...DEFAULT_AUTHORITY, manager: "set_once" } }),
    });
    expect(updates(once)).toEqual([]);
  });

  it("an existing report of a manager created in this run is updated after the creates", () => {
    const w = base();
    const next = hr(
      ...w.hr.employees.map((e) => (e.employeeNo === "A3" ? { ...e, managerNo: "N7" } : e)),
      employee("N7", "NEW"),
    );
    const p = plan({ ...w, hr: next });
    expect(ops(p).filter((o) => o.startsWith("account."))).toEqual([
      "account.create N7",
      "account.update A3",
    ]);
    expect(updates(p)[0]).toMatchObject({ after: { manager: { pendingEmployeeNo: "N7" } } });
  });
});
