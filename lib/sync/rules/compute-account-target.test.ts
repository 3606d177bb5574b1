import { describe, expect, it } from "vitest";
import { companyDate } from "./company-date";
import { companyDayStart } from "./company-day-start";
import { computeAccountTarget, type AccountTarget } from "./compute-account-target";
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
    today: companyDate(instant, tz),
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
      "onboarding, start in 3 days: create now",
      { status: "onboarding", hireDate: "2025-03-13" },
      "active",
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
    expect(target(e, "2025-03-09T16:00:00Z").kind).toBe("active"); // 00:00 on 03-10 in Shanghai
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
