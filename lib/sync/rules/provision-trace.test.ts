import { describe, expect, it } from "vitest";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { DEFAULT_AUTHORITY } from "../attribute-authority-schema";
import { buildProvisionTrace } from "./build-provision-trace";
import { changesForEmployee } from "./changes-for-employee";
import { describeImCalls } from "./describe-im-calls";
import { employee, input, mirror, options } from "./fixtures";
import { planSync } from "./plan-sync";
import { HR, UNITS, plan, synced, withEmployee, withUser, type World } from "./test-world";
import type { TraceEntry } from "./provision-trace-types";
import type { PlanOptions } from "../types";

const traceOf = (w: World, no: string, extra: Partial<PlanOptions> = {}) =>
  plan({ ...w, options: { ...w.options, ...extra, trace: true } }).traces!.find(
    (t) => t.employeeNo === no,
  )!.trace;
const byRule = (trace: TraceEntry[], rule: TraceEntry["rule"]) =>
  trace.filter((t) => t.rule === rule);

describe("buildProvisionTrace", () => {
  const base = {
    employeeNo: "E1",
    unitCode: "FE",
    accountTarget: { kind: "active" } as const,
    protection: undefined,
    withheld: [],
    fields: [],
    createBlocked: false,
  };

  it.each([
    [{ kind: "none", unitCode: "FE", reason: "excluded" }, "excluded"],
    [{ kind: "none", unitCode: "FE", reason: "unmapped" }, "unmapped"],
    [{ kind: "blocked", unitCode: "FE", reason: "depth_exceeded" }, "blocked_depth_exceeded"],
  ] as const)("scoping reports %o as %s, with no mapping line", (unitTarget, outcome) => {
    const trace = buildProvisionTrace({ ...base, unitTarget });
    expect(byRule(trace, "scoping")).toEqual([
      { rule: "scoping", outcome, detail: { unit: "FE" } },
    ]);
    expect(byRule(trace, "mapping")).toEqual([]);
  });

  it("names a group the run will create by its unit, and the effective date of a pre-boarded hire", () => {
    const trace = buildProvisionTrace({
      ...base,
      accountTarget: { kind: "preboarded", enableAt: "2025-03-13T16:00:00.000Z" },
      unitTarget: {
        kind: "group",
        unitCode: "FE",
        mode: "LINK",
        ref: { pendingUnitCode: "RD" },
        depth: 2,
      },
    });
    expect(trace.slice(0, 3)).toEqual([
      {
        rule: "effective_date",
        outcome: "preboarded",
        detail: { enableAt: "2025-03-13T16:00:00.000Z" },
      },
      { rule: "scoping", outcome: "in_scope", detail: { unit: "FE" } },
      { rule: "mapping", outcome: "link", detail: { mode: "LINK", newGroupFor: "RD" } },
    ]);
  });

  it("says when HR gives no unit and when a conflict blocks the create", () => {
    const trace = buildProvisionTrace({
      ...base,
      unitCode: undefined,
      unitTarget: undefined,
      createBlocked: true,
    });
    expect(byRule(trace, "scoping").map((t) => t.outcome)).toEqual([
      "no_unit",
      "blocked_by_conflict",
    ]);
  });
});

describe("planSync with a trace", () => {
  it("a new hire: every field written at creation, HR wins by default", () => {
    const w: World = { ...synced(), hr: { units: UNITS, employees: [...HR.employees] } };
    w.hr.employees.push(employee("E9", "FE"));
    const trace = traceOf(w, "E9");
    expect(trace[0]).toEqual({ rule: "effective_date", outcome: "active" });
    expect(byRule(trace, "mapping")[0]).toMatchObject({ outcome: "mirror" });
    expect(byRule(trace, "authority")).toEqual(
      ["name", "email", "mobile", "title"].map((field) => ({
        rule: "authority",
        outcome: "written",
        field,
        detail: { reason: "hr_wins", at: "creation" },
      })),
    );
  });

  it("authority: an IM-owned field HR changed is kept, an HR-owned one written, the rest in sync", () => {
    const opts = options({ authority: { ...DEFAULT_AUTHORITY, name: "im_wins" } });
    const w = synced(HR, undefined, opts);
    const edited = {
      ...w,
      hr: withEmployee(w.hr, "E1", { name: "New Name", email: "new@corp.example" }),
    };
    const fields = byRule(traceOf(edited, "E1"), "authority").map((t) => [
      t.field,
      t.outcome,
      t.detail?.reason,
    ]);
    expect(fields).toEqual([
      ["name", "kept", "im_wins"],
      ["email", "written", "hr_wins"],
      ["mobile", "in_sync", "hr_wins"],
      ["title", "in_sync", "hr_wins"],
    ]);
  });

  it("authority: a field changed on both sides is kept because of the conflict", () => {
    const w = synced();
    const both = {
      ...w,
      hr: withEmployee(w.hr, "E1", { name: "HR Name" }),
      im: withUser(w.im, "E1", { name: "IM Name" }),
    };
    const name = byRule(traceOf(both, "E1"), "authority").find((t) => t.field === "name");
    expect(name).toMatchObject({ outcome: "kept", detail: { reason: "conflict" } });
  });

  it("privacy: a withheld mobile is listed and its clearing written for privacy; a flag platform says flagged", () => {
    const rule: PrivacyRule = {
      id: "r",
      label: "R&D",
      unitCodes: ["RD"],
      titles: [],
      grades: [],
      hideMobile: true,
      hideEmail: false,
      seniorMode: true,
    };
    const w = synced();
    const omit = traceOf(w, "E1", {
      privacy: {
        rules: [rule],
        capability: { hideMobile: "omit", hideEmail: "omit", seniorMode: false },
      },
    });
    expect(byRule(omit, "privacy")).toEqual([
      { rule: "privacy", outcome: "withheld", field: "mobile" },
    ]);
    expect(byRule(omit, "authority").find((t) => t.field === "mobile")).toMatchObject({
      outcome: "written",
      detail: { reason: "privacy" },
    });
    const flag = traceOf(w, "E1", {
      privacy: {
        rules: [rule],
        capability: { hideMobile: "flag", hideEmail: "omit", seniorMode: true },
      },
    });
    // The account exists without the switches: the rule's update turns them on.
    expect(byRule(flag, "privacy").map((t) => t.outcome)).toEqual([
      "flagged",
      "senior_mode",
      "switch_on",
      "senior_mode_on",
    ]);
    expect(byRule(traceOf(w, "E3"), "privacy")).toEqual([{ rule: "privacy", outcome: "none" }]);
  });

  it("a terminated employee's effective date names the disable instant and reason", () => {
    const w = synced();
    const gone = {
      ...w,
      hr: withEmployee(w.hr, "E2", {
        status: "terminated",
        terminationDate: "2025-03-09",
        terminationReason: "resigned",
      }),
    };
    expect(traceOf(gone, "E2")[0]).toEqual({
      rule: "effective_date",
      outcome: "disabled",
      detail: { effectiveAt: "2025-03-09T16:00:00.000Z", reason: "resigned" },
    });
  });

  it("asks nothing of the planner without `trace`", () => {
    expect(plan(synced()).traces).toBeUndefined();
  });
});

describe("changesForEmployee and describeImCalls", () => {
  it("keeps the employee's create and the new groups it waits for, parents first, and nothing else", () => {
    const p = planSync(
      input({
        hr: {
          units: UNITS,
          employees: [employee("E1", "FE"), employee("E3", "SALES")],
        },
        mappings: [mirror("HQ")],
      }),
    );
    const mine = changesForEmployee(p.changes, "E1");
    expect(mine.map((c) => `${c.op} ${c.targetKey}`)).toEqual([
      "group.create HQ",
      "group.create RD",
      "group.create FE",
      "account.create E1",
    ]);
    const calls = mine.flatMap(describeImCalls);
    expect(calls.map((c) => c.method)).toEqual([
      "createGroup",
      "createGroup",
      "createGroup",
      "createUser",
    ]);
    expect(calls[1].payload).toEqual({ name: "Unit RD", parentId: "<new group of HQ>" });
    expect(calls[3].payload).toMatchObject({
      id: "E1",
      employeeNo: "E1",
      groupIds: ["<new group of FE>"],
    });
  });

  it("a pre-boarded create is followed by the disable that holds it until day one", () => {
    const [call, hold] = describeImCalls({
      op: "account.create",
      targetType: "im_account",
      targetKey: "E5",
      before: null,
      after: {
        imUserId: "E5",
        fields: { name: "Five" },
        groups: [{ externalId: "g1" }],
        syncedHash: "v1",
        enableAt: "2025-03-13T16:00:00.000Z",
        protection: { hideMobile: true },
      },
    });
    expect(call).toEqual({
      method: "createUser",
      payload: {
        id: "E5",
        name: "Five",
        email: undefined,
        mobile: undefined,
        title: undefined,
        employeeNo: "E5",
        groupIds: ["g1"],
        hideMobile: true,
      },
    });
    expect(hold).toEqual({
      method: "disableUser",
      payload: { id: "E5", until: "2025-03-13T16:00:00.000Z" },
    });
  });
});
