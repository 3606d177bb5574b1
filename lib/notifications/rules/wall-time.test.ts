import { describe, expect, it } from "vitest";
import { addDays, toWallTime } from "./wall-time";
import { zoneOffsetMs } from "@/lib/core/time/zone-offset-ms";

const H = 3_600_000;

describe("zoneOffsetMs", () => {
  it.each([
    ["Asia/Shanghai", "2026-07-01T00:00:00Z", 8 * H],
    ["Asia/Kolkata", "2026-07-01T00:00:00Z", 5.5 * H],
    ["Asia/Kathmandu", "2026-07-01T00:00:00Z", 5.75 * H],
    ["America/New_York", "2026-01-15T12:00:00Z", -5 * H],
    ["America/New_York", "2026-07-15T12:00:00Z", -4 * H],
    ["America/New_York", "2026-03-08T06:59:00Z", -5 * H],
    ["America/New_York", "2026-03-08T07:00:00Z", -4 * H],
    ["America/New_York", "2026-11-01T05:59:00Z", -4 * H],
    ["America/New_York", "2026-11-01T06:00:00Z", -5 * H],
    ["Europe/Berlin", "2026-03-29T00:59:00Z", 1 * H],
    ["Europe/Berlin", "2026-03-29T01:00:00Z", 2 * H],
    ["Australia/Sydney", "2026-04-04T15:59:00Z", 11 * H],
    ["Australia/Sydney", "2026-04-04T16:00:00Z", 10 * H],
    ["Australia/Lord_Howe", "2026-04-04T15:00:00Z", 10.5 * H],
    ["Pacific/Kiritimati", "2026-07-01T00:00:00Z", 14 * H],
    ["Pacific/Pago_Pago", "2026-07-01T00:00:00Z", -11 * H],
    ["UTC", "2026-07-01T00:00:00Z", 0],
  ])("%s at %s is %d ms", (zone, iso, offset) => {
    expect(zoneOffsetMs(new Date(iso), zone)).toBe(offset);
  });

  it("is the same for every second of a minute (cached per minute)", () => {
    const base = Date.parse("2026-03-08T06:59:00Z");
    for (let s = 0; s < 60; s += 7)
      expect(zoneOffsetMs(base + s * 1000, "America/New_York")).toBe(-5 * H);
  });

  it("rejects an unknown zone", () => {
    expect(() => zoneOffsetMs(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("toWallTime", () => {
  it.each([
    [
      "Asia/Kathmandu",
      "2026-07-01T16:15:00Z",
      { year: 2026, month: 7, day: 1, hour: 22, minute: 0, weekday: 3 },
    ],
    [
      "Asia/Kolkata",
      "2026-12-31T18:30:00Z",
      { year: 2027, month: 1, day: 1, hour: 0, minute: 0, weekday: 5 },
    ],
    [
      "America/Los_Angeles",
      "2026-01-01T07:59:00Z",
      { year: 2025, month: 12, day: 31, hour: 23, minute: 59, weekday: 3 },
    ],
    [
      "Pacific/Auckland",
      "2026-03-06T19:00:00Z",
      { year: 2026, month: 3, day: 7, hour: 8, minute: 0, weekday: 6 },
    ],
    [
      "America/New_York",
      "2026-11-01T05:30:00Z",
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30, weekday: 7 },
    ],
    [
      "America/New_York",
      "2026-11-01T06:30:00Z",
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30, weekday: 7 },
    ],
  ])("%s at %s", (zone, iso, expected) => {
    expect(toWallTime(new Date(iso), zone)).toMatchObject(expected);
  });
});

describe("addDays", () => {
  it.each([
    [{ year: 2026, month: 2, day: 28 }, 1, { year: 2026, month: 3, day: 1, weekday: 7 }],
    [{ year: 2028, month: 2, day: 28 }, 1, { year: 2028, month: 2, day: 29, weekday: 2 }],
    [{ year: 2026, month: 1, day: 1 }, -1, { year: 2025, month: 12, day: 31, weekday: 3 }],
    [{ year: 2026, month: 12, day: 31 }, 1, { year: 2027, month: 1, day: 1, weekday: 5 }],
  ])("%o + %d", (date, days, expected) => {
    expect(addDays(date, days)).toEqual(expected);
  });
});
