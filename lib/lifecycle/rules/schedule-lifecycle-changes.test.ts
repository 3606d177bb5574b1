import { describe, expect, it } from "vitest";
import { employee, options } from "@/lib/sync/rules/fixtures";
import type { HrEmployee, LifecycleConfig } from "@/lib/sync/types";
import type { ScheduleAccount } from "../types";
import { scheduleLifecycleChanges } from "./schedule-lifecycle-changes";

const lifecycle: LifecycleConfig = { ...options().lifecycle, deleteAfterDays: 30 };
// 12:00 on 2026-03-20 in Shanghai.
const now = new Date("2026-03-20T04:00:00Z");

function schedule(
  e: Partial<HrEmployee>,
  account?: ScheduleAccount,
  canDisableUser = true,
  config = lifecycle,
) {
  return scheduleLifecycleChanges({
    employees: [employee("E1", "U", e)],
    targets: [{ connectionId: "c1", canDisableUser }],
    accounts: new Map(account ? [["c1#E1", account]] : []),
    lifecycle: config,
    companyTimeZone: "Asia/Shanghai",
    now,
  }).map((c) => [c.type, c.effectiveAt, c.timeZone]);
}

describe("scheduleLifecycleChanges", () => {
  it("a future hire: pre-boarding (due) then the first-day enable, in their own zone", () => {
    expect(
      schedule({ status: "onboarding", hireDate: "2026-03-22", timeZone: "Europe/London" }),
    ).toEqual([
      // 3 days before: 2026-03-19 00:00 GMT (already begun: due).
      ["preboard", "2026-03-19T00:00:00.000Z", "Europe/London"],
      ["enable", "2026-03-22T00:00:00.000Z", "Europe/London"],
    ]);
  });

  it("a pre-boarded hire has only the enable left", () => {
    expect(
      schedule(
        { status: "onboarding", hireDate: "2026-03-22" },
        { state: "PENDING", disabledAt: null },
      ),
    ).toEqual([["enable", "2026-03-21T16:00:00.000Z", "Asia/Shanghai"]]);
  });

  it("a platform that cannot hold accounts disabled creates the hire on their first day", () => {
    expect(schedule({ status: "onboarding", hireDate: "2026-03-22" }, undefined, false)).toEqual([
      ["create", "2026-03-21T16:00:00.000Z", "Asia/Shanghai"],
    ]);
  });

  it("a leaver: disable when the last day ends, delete 30 wall-clock days later across DST", () => {
    // New York's last day 2026-03-06 ends 2026-03-07 00:00 EST; DST starts on 03-08, so 30 days
    // later (2026-04-06 00:00 EDT) is 30 × 24 − 1 hours on.
    expect(
      schedule(
        { status: "terminated", terminationDate: "2026-03-06", timeZone: "America/New_York" },
        { state: "ACTIVE", disabledAt: null },
      ),
    ).toEqual([
      ["disable", "2026-03-07T05:00:00.000Z", "America/New_York"],
      ["delete", "2026-04-06T04:00:00.000Z", "America/New_York"],
    ]);
  });

  it("a disabled account counts its grace from when it was disabled; never delete lists nothing", () => {
    const disabled = { state: "DISABLED" as const, disabledAt: "2026-03-10T16:00:00.000Z" };
    const leaver = { status: "terminated" as const, terminationDate: "2026-03-10" };
    expect(schedule(leaver, disabled)).toEqual([
      ["delete", "2026-04-09T16:00:00.000Z", "Asia/Shanghai"],
    ]);
    expect(schedule(leaver, disabled, true, { ...lifecycle, deleteAfterDays: null })).toEqual([]);
  });

  it("nothing for an account already deleted, or for a leaver without one", () => {
    const leaver = { status: "terminated" as const, terminationDate: "2026-03-10" };
    expect(schedule(leaver, { state: "DELETED", disabledAt: null })).toEqual([]);
    expect(schedule(leaver)).toEqual([]);
  });

  it("an announced last day is scheduled within the look-ahead, not beyond it", () => {
    const announced = { status: "active" as const, terminationDate: "2026-03-31" };
    const account = { state: "ACTIVE" as const, disabledAt: null };
    expect(
      schedule(announced, account, true, { ...lifecycle, terminationLookAheadDays: 10 }),
    ).toEqual([]);
    expect(
      schedule(announced, account, true, { ...lifecycle, terminationLookAheadDays: 11 }),
    ).toEqual([
      ["disable", "2026-03-31T16:00:00.000Z", "Asia/Shanghai"],
      ["delete", "2026-04-30T16:00:00.000Z", "Asia/Shanghai"],
    ]);
  });
});

describe("scheduleLifecycleChanges: transfers", () => {
  const active = { state: "ACTIVE" as const, disabledAt: null };
  const moving = (effectiveDate: string, extra: Partial<HrEmployee> = {}) => ({
    transfer: { unitCode: "NEW", effectiveDate },
    ...extra,
  });
  function transfers(
    e: Partial<HrEmployee>,
    account: ScheduleAccount | undefined = active,
    firedUntil: Date | null = null,
  ) {
    return scheduleLifecycleChanges({
      employees: [employee("E1", "OLD", e)],
      targets: [
        { connectionId: "c1", canDisableUser: true },
        { connectionId: "c2", canDisableUser: false },
      ],
      accounts: new Map(account ? [["c1#E1", account]] : []),
      lifecycle,
      companyTimeZone: "Asia/Shanghai",
      now,
      firedUntil,
    })
      .filter((c) => c.type === "transfer")
      .map((c) => [c.connectionId, c.effectiveAt, c.timeZone, c.fromUnit, c.toUnit]);
  }

  it("at the start of the day on the employee's clock, on every target (it may bring them into scope)", () => {
    // Kathmandu is +05:45: 2026-03-25 begins at 2026-03-24 18:15 UTC.
    expect(transfers(moving("2026-03-25", { timeZone: "Asia/Kathmandu" }))).toEqual([
      ["c1", "2026-03-24T18:15:00.000Z", "Asia/Kathmandu", "OLD", "NEW"],
      ["c2", "2026-03-24T18:15:00.000Z", "Asia/Kathmandu", "OLD", "NEW"],
    ]);
  });

  it("a day already begun is due until the lifecycle watermark has passed it, then done", () => {
    // 2026-03-20 began at 2026-03-19 16:00 UTC in Shanghai; now is 2026-03-20 04:00 UTC.
    const began = "2026-03-19T16:00:00.000Z";
    expect(transfers(moving("2026-03-20"))).toEqual([
      ["c1", began, "Asia/Shanghai", "OLD", "NEW"],
      ["c2", began, "Asia/Shanghai", "OLD", "NEW"],
    ]);
    expect(transfers(moving("2026-03-20"), active, new Date("2026-03-19T15:59:00Z"))).toHaveLength(
      2,
    );
    expect(transfers(moving("2026-03-20"), active, new Date(began))).toEqual([]);
  });

  it("nothing once HR lists the new unit, for a leaver gone before the day, or a disabled account", () => {
    expect(transfers(moving("2026-03-25", { unitCode: "NEW" }))).toEqual([]);
    expect(transfers(moving("2026-03-25", { terminationDate: "2026-03-22" }))).toEqual([]);
    expect(
      transfers(moving("2026-03-25", { status: "terminated", terminationDate: "2026-03-26" })),
    ).toEqual([]);
    expect(
      transfers(moving("2026-03-25"), { state: "DISABLED", disabledAt: now.toISOString() }),
    ).toEqual([["c2", "2026-03-24T16:00:00.000Z", "Asia/Shanghai", "OLD", "NEW"]]);
  });

  it("a leaver whose last day ends after the move is moved first", () => {
    expect(transfers(moving("2026-03-25", { terminationDate: "2026-03-27" }))).toHaveLength(2);
  });
});
