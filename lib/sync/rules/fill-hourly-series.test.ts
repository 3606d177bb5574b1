import { describe, expect, it } from "vitest";
import { fillHourlySeries } from "./fill-hourly-series";

const b = (hour: string, applied: number, failed = 0, skipped = 0, conflicts = 0) => ({
  hour,
  applied,
  failed,
  skipped,
  conflicts,
});
const end = new Date("2026-12-02T15:42:10Z");
const UTC = "UTC";

describe("fillHourlySeries", () => {
  it("covers every hour of the window, oldest first, ending with the hour of `end`", () => {
    const series = fillHourlySeries([], { end, hours: 3, timeZone: UTC });
    expect(series.map((s) => s.hour)).toEqual([
      "2026-12-02T13:00:00.000Z",
      "2026-12-02T14:00:00.000Z",
      "2026-12-02T15:00:00.000Z",
    ]);
    expect(series.every((s) => s.applied + s.failed + s.skipped + s.conflicts === 0)).toBe(true);
  });

  it.each([
    ["a bucket lands on its hour", [b("2026-12-02T14:00:00.000Z", 5, 1, 2, 3)], [0, 5, 0], 1],
    [
      "two targets in one hour add up",
      [b("2026-12-02T15:00:00.000Z", 2, 1), b("2026-12-02T15:00:00.000Z", 3, 0)],
      [0, 0, 5],
      1,
    ],
    ["an hour before the window is dropped", [b("2026-12-02T12:00:00.000Z", 9)], [0, 0, 0], 0],
    ["an hour after `end` is dropped", [b("2026-12-02T16:00:00.000Z", 9)], [0, 0, 0], 0],
    [
      "an instant inside an hour counts for that hour",
      [b("2026-12-02T13:59:59.999Z", 4)],
      [4, 0, 0],
      0,
    ],
  ])("%s", (_, buckets, applied, failedTotal) => {
    const series = fillHourlySeries(buckets, { end, hours: 3, timeZone: UTC });
    expect(series.map((s) => s.applied)).toEqual(applied);
    expect(series.reduce((n, s) => n + s.failed, 0)).toBe(failedTotal);
  });

  it("keeps skipped and conflicts apart from applied and failed", () => {
    const [slot] = fillHourlySeries([b("2026-12-02T15:00:00.000Z", 1, 2, 3, 4)], {
      end,
      hours: 1,
      timeZone: UTC,
    });
    expect(slot).toEqual(b("2026-12-02T15:00:00.000Z", 1, 2, 3, 4));
  });

  it("a week is 168 hourly slots; zero hours is an empty series", () => {
    expect(fillHourlySeries([], { end, hours: 168, timeZone: UTC })).toHaveLength(168);
    expect(
      fillHourlySeries([b("2026-12-02T15:00:00.000Z", 1)], { end, hours: 0, timeZone: UTC }),
    ).toEqual([]);
  });

  it("hours of a zone off the whole hour start where its wall clock's do (Asia/Kathmandu, +05:45)", () => {
    // 15:42:10Z is 21:27 in Kathmandu: the current local hour began at 15:15Z.
    const series = fillHourlySeries(
      [
        b("2026-12-02T15:15:00.000Z", 2),
        b("2026-12-02T14:15:00.000Z", 3),
        b("2026-12-02T14:00:00.000Z", 9), // a UTC hour start: inside the local hour begun at 13:15Z
      ],
      { end, hours: 3, timeZone: "Asia/Kathmandu" },
    );
    expect(series.map((s) => [s.hour, s.applied])).toEqual([
      ["2026-12-02T13:15:00.000Z", 9],
      ["2026-12-02T14:15:00.000Z", 3],
      ["2026-12-02T15:15:00.000Z", 2],
    ]);
  });

  it("India's hours start at half past the UTC hour", () => {
    const series = fillHourlySeries([], { end, hours: 2, timeZone: "Asia/Kolkata" });
    expect(series.map((s) => s.hour)).toEqual([
      "2026-12-02T14:30:00.000Z",
      "2026-12-02T15:30:00.000Z",
    ]);
  });
});
