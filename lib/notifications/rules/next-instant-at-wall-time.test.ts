import { describe, expect, it } from "vitest";
import { localDayRange } from "@/lib/core/time/local-day-range";
import { nextInstantAtWallTime } from "./next-instant-at-wall-time";

const t = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe("nextInstantAtWallTime", () => {
  it.each([
    ["plain", t(2026, 7, 2, 8), "Asia/Shanghai", "2026-07-01T15:00:00Z", "2026-07-02T00:00:00Z"],
    [
      "half-hour zone",
      t(2026, 7, 2, 8),
      "Asia/Kolkata",
      "2026-07-01T15:00:00Z",
      "2026-07-02T02:30:00Z",
    ],
    [
      "quarter-hour zone",
      t(2026, 7, 2, 8),
      "Asia/Kathmandu",
      "2026-07-01T15:00:00Z",
      "2026-07-02T02:15:00Z",
    ],
    [
      "west of UTC",
      t(2026, 7, 2, 8),
      "America/Los_Angeles",
      "2026-07-01T15:00:00Z",
      "2026-07-02T15:00:00Z",
    ],
    [
      "NY gap: 02:30 does not exist → the jump at 03:00 EDT",
      t(2026, 3, 8, 2, 30),
      "America/New_York",
      "2026-03-08T05:00:00Z",
      "2026-03-08T07:00:00Z",
    ],
    [
      "NY gap: 02:00 itself is skipped too",
      t(2026, 3, 8, 2, 0),
      "America/New_York",
      "2026-03-08T05:00:00Z",
      "2026-03-08T07:00:00Z",
    ],
    [
      "NY after gap",
      t(2026, 3, 8, 3, 0),
      "America/New_York",
      "2026-03-08T05:00:00Z",
      "2026-03-08T07:00:00Z",
    ],
    [
      "NY overlap: first 01:30 (EDT)",
      t(2026, 11, 1, 1, 30),
      "America/New_York",
      "2026-11-01T04:00:00Z",
      "2026-11-01T05:30:00Z",
    ],
    [
      "NY overlap: second 01:30 (EST) when past the first",
      t(2026, 11, 1, 1, 30),
      "America/New_York",
      "2026-11-01T06:10:00Z",
      "2026-11-01T06:30:00Z",
    ],
    [
      "Berlin gap 02:30",
      t(2026, 3, 29, 2, 30),
      "Europe/Berlin",
      "2026-03-28T22:00:00Z",
      "2026-03-29T01:00:00Z",
    ],
    [
      "Berlin overlap 02:30 first (CEST)",
      t(2026, 10, 25, 2, 30),
      "Europe/Berlin",
      "2026-10-24T22:00:00Z",
      "2026-10-25T00:30:00Z",
    ],
    [
      "Berlin overlap 02:30 second (CET)",
      t(2026, 10, 25, 2, 30),
      "Europe/Berlin",
      "2026-10-25T01:00:00Z",
      "2026-10-25T01:30:00Z",
    ],
    [
      "Sydney gap 02:30 (spring, October)",
      t(2026, 10, 4, 2, 30),
      "Australia/Sydney",
      "2026-10-03T12:00:00Z",
      "2026-10-03T16:00:00Z",
    ],
    [
      "Sydney overlap 02:30 (autumn, April)",
      t(2026, 4, 5, 2, 30),
      "Australia/Sydney",
      "2026-04-04T12:00:00Z",
      "2026-04-04T15:30:00Z",
    ],
    [
      "Lord Howe half-hour gap 02:15",
      t(2026, 10, 4, 2, 15),
      "Australia/Lord_Howe",
      "2026-10-03T12:00:00Z",
      "2026-10-03T15:30:00Z",
    ],
    [
      "Santiago skipped midnight",
      t(2026, 9, 6, 0, 0),
      "America/Santiago",
      "2026-09-05T16:00:00Z",
      "2026-09-06T04:00:00Z",
    ],
    [
      "already passed → notBefore",
      t(2026, 7, 1, 8),
      "Asia/Shanghai",
      "2026-07-01T05:00:00Z",
      "2026-07-01T05:00:00Z",
    ],
  ])("%s", (_name, target, zone, notBefore, expected) => {
    expect(nextInstantAtWallTime(target, zone, new Date(notBefore)).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});

describe("localDayRange", () => {
  it.each([
    ["Asia/Shanghai", "2026-07-01T04:00:00Z", "2026-06-30T16:00:00Z", "2026-07-01T16:00:00Z", 24],
    ["Asia/Kathmandu", "2026-07-01T04:00:00Z", "2026-06-30T18:15:00Z", "2026-07-01T18:15:00Z", 24],
    [
      "America/New_York (23 h)",
      "2026-03-08T15:00:00Z",
      "2026-03-08T05:00:00Z",
      "2026-03-09T04:00:00Z",
      23,
    ],
    [
      "America/New_York (25 h)",
      "2026-11-01T15:00:00Z",
      "2026-11-01T04:00:00Z",
      "2026-11-02T05:00:00Z",
      25,
    ],
    [
      "America/Santiago (day starts 01:00)",
      "2026-09-06T15:00:00Z",
      "2026-09-06T04:00:00Z",
      "2026-09-07T03:00:00Z",
      23,
    ],
    [
      "America/Santiago (23:00 repeats)",
      "2026-04-04T15:00:00Z",
      "2026-04-04T03:00:00Z",
      "2026-04-05T04:00:00Z",
      25,
    ],
  ])("%s", (name, at, start, end, hours) => {
    const zone = name.split(" ")[0];
    const range = localDayRange(new Date(at), zone);
    expect(range.start.toISOString()).toBe(new Date(start).toISOString());
    expect(range.end.toISOString()).toBe(new Date(end).toISOString());
    expect((range.end.getTime() - range.start.getTime()) / 3_600_000).toBe(hours);
  });
});
