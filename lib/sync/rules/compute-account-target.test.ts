import { describe, expect, it } from "vitest";
import { localDate as companyDate } from "@/lib/core/time/local-date";
import { localDayStart as companyDayStart } from "@/lib/core/time/local-day-start";
import { computeAccountTarget, type AccountTarget } from "./compute-account-target";
import { lifecycleInstants } from "./lifecycle-instants";
import { employee, options } from "./fixtures";
import type { HrEmployee, LifecycleConfig } from "../types";

const lifecycle = options().lifecycle; // create 3 days early, on leave suspend, misconduct immediate, default end_of_day

function target(
  e: HrEmployee | null,
  now: string,
  tz = "Asia/Shanghai",
  config: LifecycleConfig = lifecycle,
) {
  const instant = new Date(now);
  return computeAccountTarget({
    employee: e,
    lifecycle: config,
    now: instant,
    timeZone: tz,
  });
}

describe("computeAccountTarget", () => {
  // 2025-03-10T04:00Z is 12:00 on 2025-03-10 in Shanghai.
  const now = "2025-03-10T04:00:00Z";
  it.each<[string, Partial<HrEmployee>, AccountTarget["kind"]]>([
    [
      "onboarding, start in 4 days: too early",
      { status: "onboarding", hireDate: "2025-03-14" },
      "none",
    ],
    [
      "onboarding, start in 3 days: pre-boarded (created, held disabled)",
      { status: "onboarding", hireDate: "2025-03-13" },
      "preboarded",
    ],
    ["onboarding, start today", { status: "onboarding", hireDate: "2025-03-10" }, "active"],
    ["onboarding without hire date", { status: "onboarding" }, "active"],
    ["active", { status: "active" }, "active"],
    ["on leave (suspend)", { status: "on_leave" }, "suspended"],
  ])("%s", (_name, extra, kind) => {
    expect(target(employee("E1", "U", extra), now).kind).toBe(kind);
  });

  it("on leave with keep stays active", () => {
    expect(
      target(employee("E1", "U", { status: "on_leave" }), now, "Asia/Shanghai", {
        ...lifecycle,
        onLeave: "keep",
      }),
    ).toEqual({
      kind: "active",
    });
  });

  it("hire window uses the company date, not UTC: 23:30 UTC on 03-09 is already 03-10 in Shanghai", () => {
    const e = employee("E1", "U", { status: "onboarding", hireDate: "2025-03-13" });
    expect(target(e, "2025-03-09T15:59:00Z").kind).toBe("none"); // 23:59 on 03-09 in Shanghai
    expect(target(e, "2025-03-09T16:00:00Z").kind).toBe("preboarded"); // 00:00 on 03-10 in Shanghai
  });

  it.each<[string, Partial<HrEmployee>, string, string]>([
    [
      "end of day in Shanghai (UTC+8)",
      { terminationDate: "2025-03-10" },
      "Asia/Shanghai",
      "2025-03-10T16:00:00.000Z",
    ],
    ["end of day, missing date = today", {}, "Asia/Shanghai", "2025-03-10T16:00:00.000Z"],
    [
      "end of day in New York before DST starts (UTC-5)",
      { terminationDate: "2025-03-08" },
      "America/New_York",
      "2025-03-09T05:00:00.000Z",
    ],
    [
      "end of day in New York on DST day (UTC-4 after 02:00)",
      { terminationDate: "2025-03-09" },
      "America/New_York",
      "2025-03-10T04:00:00.000Z",
    ],
    [
      "immediate reason, today: start of the day has passed",
      { terminationDate: "2025-03-10", terminationReason: "misconduct" },
      "Asia/Shanghai",
      "2025-03-09T16:00:00.000Z",
    ],
    [
      "immediate reason, future date: now",
      { terminationDate: "2025-03-20", terminationReason: "misconduct" },
      "Asia/Shanghai",
      "2025-03-10T04:00:00.000Z",
    ],
    [
      "unknown reason uses default (end of day)",
      { terminationDate: "2025-03-10", terminationReason: "other" },
      "Asia/Shanghai",
      "2025-03-10T16:00:00.000Z",
    ],
  ])("terminated: %s", (_name, extra, tz, effectiveAt) => {
    const result = target(employee("E1", "U", { status: "terminated", ...extra }), now, tz);
    expect(result).toMatchObject({ kind: "disabled", effectiveAt });
  });

  it("default immediate with no reason", () => {
    const config: LifecycleConfig = {
      ...lifecycle,
      termination: { byReason: {}, default: "immediate" },
    };
    const result = target(
      employee("E1", "U", { status: "terminated" }),
      now,
      "Asia/Shanghai",
      config,
    );
    expect(result).toEqual({
      kind: "disabled",
      effectiveAt: "2025-03-09T16:00:00.000Z",
      reason: "",
    });
  });

  it("employee missing from HR is disabled now", () => {
    expect(target(null, now)).toEqual({
      kind: "disabled",
      effectiveAt: "2025-03-10T04:00:00.000Z",
      reason: "missing_from_hr",
    });
  });
});

describe("company calendar", () => {
  it.each([
    ["2025-03-10T04:00:00Z", "Asia/Shanghai", "2025-03-10"],
    ["2025-03-09T16:00:00Z", "Asia/Shanghai", "2025-03-10"],
    ["2025-03-09T15:59:59Z", "Asia/Shanghai", "2025-03-09"],
    ["2025-03-10T03:59:59Z", "America/New_York", "2025-03-09"],
    ["2025-01-01T00:00:00Z", "UTC", "2025-01-01"],
  ])("companyDate(%s, %s) = %s", (instant, tz, expected) => {
    expect(companyDate(new Date(instant), tz)).toBe(expected);
  });

  it.each([
    ["2025-03-10", "Asia/Shanghai", "2025-03-09T16:00:00.000Z"],
    ["2025-03-09", "America/New_York", "2025-03-09T05:00:00.000Z"],
    ["2025-03-10", "America/New_York", "2025-03-10T04:00:00.000Z"],
    ["2025-11-02", "America/New_York", "2025-11-02T04:00:00.000Z"],
    ["2025-11-03", "America/New_York", "2025-11-03T05:00:00.000Z"],
    ["2025-03-30", "Europe/Berlin", "2025-03-29T23:00:00.000Z"],
    ["2025-03-31", "Europe/Berlin", "2025-03-30T22:00:00.000Z"],
    ["2025-03-10", "Asia/Kolkata", "2025-03-09T18:30:00.000Z"],
  ])("companyDayStart(%s, %s) = %s", (date, tz, expected) => {
    expect(companyDayStart(date, tz).toISOString()).toBe(expected);
  });
});

describe("effective dates in the employee's own zone", () => {
  const santiago = (extra: Partial<HrEmployee>) =>
    employee("E9", "U", { timeZone: "America/Santiago", ...extra });

  it("a future hire is pre-boarded N days ahead and enabled at the start of their first day", () => {
    // Santiago's 2026-09-06 begins at 01:00 local = 04:00Z (DST starts at midnight).
    const hire = santiago({ status: "onboarding", hireDate: "2026-09-06" });
    // Three days before is 2026-09-03, which starts at 04:00Z (UTC-4).
    expect(target(hire, "2026-09-03T03:59:00Z").kind).toBe("none");
    expect(target(hire, "2026-09-03T04:00:00Z")).toEqual({
      kind: "preboarded",
      enableAt: "2026-09-06T04:00:00.000Z",
    });
    // 03:59Z on the 6th is still 23:59 on the 5th in Santiago: not yet.
    expect(target(hire, "2026-09-06T03:59:00Z").kind).toBe("preboarded");
    expect(target(hire, "2026-09-06T04:00:00Z").kind).toBe("active");
  });

  it("an end-of-day termination fires at the true end of the last day, not an hour early", () => {
    // Last day 2026-09-05 in Santiago ends when 2026-09-06 begins: 04:00Z (the old code said 03:00Z).
    const leaver = santiago({ status: "terminated", terminationDate: "2026-09-05" });
    expect(target(leaver, "2026-09-05T12:00:00Z")).toMatchObject({
      kind: "disabled",
      effectiveAt: "2026-09-06T04:00:00.000Z",
    });
    const havana = employee("E8", "U", {
      status: "terminated",
      terminationDate: "2026-03-07",
      timeZone: "America/Havana",
    });
    expect(target(havana, "2026-03-07T12:00:00Z")).toMatchObject({
      effectiveAt: "2026-03-08T05:00:00.000Z",
    });
  });

  it("an employee zone that is not a real zone falls back to the company zone", () => {
    const e = employee("E7", "U", {
      status: "terminated",
      terminationDate: "2025-03-10",
      timeZone: "Mars/Olympus",
    });
    expect(target(e, now0)).toMatchObject({ effectiveAt: "2025-03-10T16:00:00.000Z" });
  });

  it("a platform that cannot hold an account disabled gets the hire created on their first day", () => {
    const hire = employee("E6", "U", { status: "onboarding", hireDate: "2025-03-12" });
    const result = computeAccountTarget({
      employee: hire,
      lifecycle,
      now: new Date(now0),
      timeZone: "Asia/Shanghai",
      canPreboardDisabled: false,
    });
    expect(result).toEqual({ kind: "none" });
  });

  it("a last working day announced ahead leaves the account alone until that day has ended", () => {
    const announced = employee("E5", "U", { status: "active", terminationDate: "2025-03-12" });
    // 2025-03-12 ends at 2025-03-12T16:00Z in Shanghai.
    expect(target(announced, now0)).toEqual({ kind: "active" });
    expect(target(announced, "2025-03-12T15:59:00Z")).toEqual({ kind: "active" });
    expect(target(announced, "2025-03-12T16:00:00Z")).toEqual({
      kind: "disabled",
      effectiveAt: "2025-03-12T16:00:00.000Z",
      reason: "",
    });
  });

  it("a last working day is scheduled only once it is within the look-ahead", () => {
    const announced = employee("E4", "U", { status: "active", terminationDate: "2025-03-20" });
    const at = (lookAhead: number) =>
      lifecycleInstants({
        employee: announced,
        lifecycle: { ...lifecycle, terminationLookAheadDays: lookAhead },
        now: new Date(now0),
        timeZone: "Asia/Shanghai",
      });
    // 10 days ahead (2025-03-10 → 03-20).
    expect(at(9).disableAt).toBeNull();
    expect(at(10).disableAt?.toISOString()).toBe("2025-03-20T16:00:00.000Z");
    expect(at(10).termination).toEqual({ reason: "", timing: "end_of_day" });
  });

  it("pre-boarding and start instants follow the employee's zone across odd offsets", () => {
    const hire = employee("E3", "U", {
      status: "onboarding",
      hireDate: "2026-04-06",
      timeZone: "Pacific/Chatham",
    });
    const at = lifecycleInstants({
      employee: hire,
      lifecycle: { ...lifecycle, createBeforeStartDays: 2 },
      now: new Date("2026-04-01T00:00:00Z"),
      timeZone: "Pacific/Chatham",
    });
    // Chatham leaves summer time (+13:45 → +12:45) on 2026-04-05.
    expect(at.preboardAt?.toISOString()).toBe("2026-04-03T10:15:00.000Z");
    expect(at.startAt?.toISOString()).toBe("2026-04-05T11:15:00.000Z");
  });
});

const now0 = "2025-03-10T04:00:00Z";
