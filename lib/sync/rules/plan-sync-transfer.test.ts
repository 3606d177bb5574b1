// Effective-dated transfers in the planner: before the day begins on the employee's clock the
// account stays where HR lists them; from then on it is planned exactly as if HR had moved them.
import { describe, expect, it } from "vitest";
import { NOW, mirror, options } from "./fixtures";
import {
  HR,
  MAPPINGS,
  applyAndReplan,
  ops,
  plan,
  synced,
  withEmployee,
  type World,
} from "./test-world";
import type { HrEmployee, Mapping } from "../types";

// NOW is 12:00 on 2025-03-10 in Shanghai (04:00 UTC).
const today = "2025-03-10";
const tomorrow = "2025-03-11";

function transferring(
  world: World,
  transfer: NonNullable<HrEmployee["transfer"]>,
  patch: Partial<HrEmployee> = {},
): World {
  return { ...world, hr: withEmployee(world.hr, "E1", { ...patch, transfer }) };
}

const traced = (w: World) =>
  plan({ ...w, options: { ...w.options, trace: true } })
    .traces!.find((t) => t.employeeNo === "E1")!
    .trace.filter((e) => e.outcome.startsWith("transfer_"));

describe("planSync with a pending transfer", () => {
  it("before its day: nothing moves, and the trace says until when", () => {
    const w = transferring(synced(), { unitCode: "SALES", effectiveDate: tomorrow, title: "Rep" });
    expect(ops(plan(w))).toEqual([]);
    expect(traced(w)).toEqual([
      {
        rule: "effective_date",
        outcome: "transfer_pending",
        detail: {
          effectiveAt: "2025-03-10T16:00:00.000Z",
          timeZone: "Asia/Shanghai",
          fromUnit: "FE",
          toUnit: "SALES",
        },
      },
    ]);
  });

  it("from its day: planned exactly as if HR had moved the employee (group and title)", () => {
    const w = transferring(synced(), { unitCode: "SALES", effectiveDate: today, title: "Rep" });
    const moved = { ...synced(), hr: withEmployee(HR, "E1", { unitCode: "SALES", title: "Rep" }) };
    expect(ops(plan(w))).toEqual(["account.update E1", "account.move E1"]);
    expect(JSON.stringify(plan(w))).toBe(JSON.stringify(plan(moved)));
    expect(traced(w)).toEqual([expect.objectContaining({ outcome: "transfer_in_effect" })]);
  });

  it("the day starts on the employee's own clock, not the company's", () => {
    // New York's 2025-03-10 begins at 00:00 EDT (DST began the day before) = 04:00 UTC = NOW,
    // sixteen hours after Shanghai's; a millisecond earlier it has not begun there.
    const w = transferring(
      { ...synced(), options: options({ now: new Date(NOW.getTime() - 1) }) },
      { unitCode: "SALES", effectiveDate: today },
      { timeZone: "America/New_York" },
    );
    expect(ops(plan(w))).toEqual([]);
    expect(traced(w)[0]).toMatchObject({
      outcome: "transfer_pending",
      detail: { effectiveAt: "2025-03-10T04:00:00.000Z", timeZone: "America/New_York" },
    });
    expect(ops(plan({ ...w, options: options() }))).toEqual(["account.move E1"]);
  });

  it("is idempotent once applied, and when HR then sends the moved record", () => {
    const w = transferring(synced(), { unitCode: "SALES", effectiveDate: today });
    const p = plan(w);
    expect(ops(p)).toEqual(["account.move E1"]);
    expect(ops(applyAndReplan(w, p))).toEqual([]);
    const caughtUp = {
      ...w,
      hr: withEmployee(w.hr, "E1", { unitCode: "SALES", transfer: undefined }),
    };
    expect(ops(applyAndReplan(caughtUp, p))).toEqual([]);
    // HR may keep sending the done transfer beside the new unit: still nothing to do.
    const stillListed = { ...caughtUp, hr: withEmployee(w.hr, "E1", { unitCode: "SALES" }) };
    expect(ops(applyAndReplan(stillListed, p))).toEqual([]);
  });

  it("into an excluded unit: the normal scope rules apply, as for a move HR made", () => {
    // Today's rule for an account whose unit becomes excluded: OrgBridge leaves it alone (no move,
    // no disable, no conflict) — plan-sync-mapping.test.ts, "EXCLUDE leaves the subtree's accounts alone".
    const mappings: Mapping[] = [...MAPPINGS, mirror("SALES", { mode: "EXCLUDE" })];
    const base = synced(HR, mappings);
    const w = transferring(base, { unitCode: "SALES", effectiveDate: today, title: "Rep" });
    const moved = { ...base, hr: withEmployee(HR, "E1", { unitCode: "SALES", title: "Rep" }) };
    expect(JSON.stringify(plan(w))).toBe(JSON.stringify(plan(moved)));
    expect(ops(plan(w))).toEqual(ops(plan(moved)));
    expect(traced(w)).toEqual([expect.objectContaining({ outcome: "transfer_in_effect" })]);
  });
});
