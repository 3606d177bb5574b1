import { describe, expect, it } from "vitest";
import { isInQuietHours, quietHoursEndAt, type QuietWindow } from "./quiet-hours";

const ALL = [1, 2, 3, 4, 5, 6, 7];
const night: QuietWindow = { start: "22:00", end: "08:00", weekdays: ALL };
const workNights: QuietWindow = { start: "22:00", end: "08:00", weekdays: [1, 2, 3, 4, 5] };
const fridayNight: QuietWindow = { start: "22:00", end: "08:00", weekdays: [5] };
const weekendMornings: QuietWindow = { start: "00:00", end: "09:00", weekdays: [6, 7] };
const lunch: QuietWindow = { start: "12:00", end: "13:30", weekdays: ALL };
const endInGap: QuietWindow = { start: "22:00", end: "02:30", weekdays: ALL };
const startInGap: QuietWindow = { start: "02:30", end: "06:00", weekdays: ALL };
const endInOverlap: QuietWindow = { start: "22:00", end: "01:30", weekdays: ALL };
const startInOverlap: QuietWindow = { start: "01:30", end: "05:00", weekdays: ALL };
const berlinLate: QuietWindow = { start: "23:00", end: "02:30", weekdays: ALL };
const toMidnightHalf: QuietWindow = { start: "21:00", end: "00:30", weekdays: ALL };
const almostAllDay: QuietWindow = { start: "08:00", end: "07:00", weekdays: ALL };

// 2026-03-06 is a Friday, 2026-03-08 a Sunday (US DST starts), 2026-11-01 a Sunday (US DST ends).
type Row = [string, QuietWindow, string, string, string | null];
// prettier-ignore
const rows: Row[] = [
  // Crossing midnight, UTC+8
  ["21:59 is before the window", night, "Asia/Shanghai", "2026-07-01T13:59:00Z", null],
  ["22:00 starts it", night, "Asia/Shanghai", "2026-07-01T14:00:00Z", "2026-07-02T00:00:00Z"],
  ["midnight is inside", night, "Asia/Shanghai", "2026-07-01T16:00:00Z", "2026-07-02T00:00:00Z"],
  ["07:59:59 is inside", night, "Asia/Shanghai", "2026-07-01T23:59:59Z", "2026-07-02T00:00:00Z"],
  ["08:00 ends it", night, "Asia/Shanghai", "2026-07-02T00:00:00Z", null],
  // Non-crossing window
  ["lunch 12:00 in", lunch, "Asia/Shanghai", "2026-07-01T04:00:00Z", "2026-07-01T05:30:00Z"],
  ["lunch 13:29 in", lunch, "Asia/Shanghai", "2026-07-01T05:29:00Z", "2026-07-01T05:30:00Z"],
  ["lunch 13:30 out", lunch, "Asia/Shanghai", "2026-07-01T05:30:00Z", null],
  ["lunch 11:59 out", lunch, "Asia/Shanghai", "2026-07-01T03:59:00Z", null],
  // Weekdays name the day the window starts on
  ["Fri 23:00 (started Fri)", workNights, "Asia/Shanghai", "2026-03-06T15:00:00Z", "2026-03-07T00:00:00Z"],
  ["Sat 07:00 (started Fri, yesterday)", workNights, "Asia/Shanghai", "2026-03-06T23:00:00Z", "2026-03-07T00:00:00Z"],
  ["Sat 23:00 (Sat not listed)", workNights, "Asia/Shanghai", "2026-03-07T15:00:00Z", null],
  ["Sun 07:00 (would have started Sat)", workNights, "Asia/Shanghai", "2026-03-07T23:00:00Z", null],
  ["Mon 07:00 (would have started Sun)", workNights, "Asia/Shanghai", "2026-03-08T23:00:00Z", null],
  ["Mon 23:00 (started Mon)", workNights, "Asia/Shanghai", "2026-03-09T15:00:00Z", "2026-03-10T00:00:00Z"],
  ["Fri-only window, Sat 07:00 local while UTC is still Friday", fridayNight, "Pacific/Auckland", "2026-03-06T18:00:00Z", "2026-03-06T19:00:00Z"],
  ["Fri-only window, Thu 23:00 local", fridayNight, "Pacific/Auckland", "2026-03-05T10:00:00Z", null],
  ["weekend mornings Sat 08:59", weekendMornings, "Asia/Shanghai", "2026-03-07T00:59:00Z", "2026-03-07T01:00:00Z"],
  ["weekend mornings Mon 08:00", weekendMornings, "Asia/Shanghai", "2026-03-09T00:00:00Z", null],
  ["weekend mornings Sun 00:00", weekendMornings, "Asia/Shanghai", "2026-03-07T16:00:00Z", "2026-03-08T01:00:00Z"],
  // East and west of UTC, odd offsets
  ["Kolkata 21:59 out", night, "Asia/Kolkata", "2026-07-01T16:29:00Z", null],
  ["Kolkata 22:00 in", night, "Asia/Kolkata", "2026-07-01T16:30:00Z", "2026-07-02T02:30:00Z"],
  ["Kathmandu 21:59 out", night, "Asia/Kathmandu", "2026-07-01T16:14:00Z", null],
  ["Kathmandu 22:00 in", night, "Asia/Kathmandu", "2026-07-01T16:15:00Z", "2026-07-02T02:15:00Z"],
  ["Los Angeles 21:59 out", night, "America/Los_Angeles", "2026-07-02T04:59:00Z", null],
  ["Los Angeles 22:00 in", night, "America/Los_Angeles", "2026-07-02T05:00:00Z", "2026-07-02T15:00:00Z"],
  ["Auckland 22:00 in", night, "Pacific/Auckland", "2026-07-01T10:00:00Z", "2026-07-01T20:00:00Z"],
  ["Honolulu 22:00 in", night, "Pacific/Honolulu", "2026-07-01T08:00:00Z", "2026-07-01T18:00:00Z"],
  // New York spring forward (2026-03-08 02:00 EST → 03:00 EDT): a 9-hour night
  ["NY Sat 23:00 EST", night, "America/New_York", "2026-03-08T04:00:00Z", "2026-03-08T12:00:00Z"],
  ["NY 01:59 EST", night, "America/New_York", "2026-03-08T06:59:00Z", "2026-03-08T12:00:00Z"],
  ["NY 03:00 EDT", night, "America/New_York", "2026-03-08T07:00:00Z", "2026-03-08T12:00:00Z"],
  ["NY 08:00 EDT out", night, "America/New_York", "2026-03-08T12:00:00Z", null],
  ["NY end 02:30 skipped → ends at the jump", endInGap, "America/New_York", "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"],
  ["NY start 02:30 skipped → quiet from 03:00", startInGap, "America/New_York", "2026-03-08T07:00:00Z", "2026-03-08T10:00:00Z"],
  ["NY start 02:30 skipped → 01:59 not quiet", startInGap, "America/New_York", "2026-03-08T06:59:00Z", null],
  // New York fall back (2026-11-01 02:00 EDT → 01:00 EST): an 11-hour night
  ["NY Sat 23:00 EDT", night, "America/New_York", "2026-11-01T03:00:00Z", "2026-11-01T13:00:00Z"],
  ["NY first 01:30 (EDT)", night, "America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T13:00:00Z"],
  ["NY second 01:30 (EST)", night, "America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T13:00:00Z"],
  ["NY end 01:30 in overlap: runs to the second 01:30 (EST)", endInOverlap, "America/New_York", "2026-11-01T03:00:00Z", "2026-11-01T06:30:00Z"],
  ["NY end 01:30 in overlap: 01:45 EDT still quiet", endInOverlap, "America/New_York", "2026-11-01T05:45:00Z", "2026-11-01T06:30:00Z"],
  ["NY end 01:30 in overlap: 01:10 EST still quiet", endInOverlap, "America/New_York", "2026-11-01T06:10:00Z", "2026-11-01T06:30:00Z"],
  ["NY end 01:30 in overlap: 01:30 EST ends it", endInOverlap, "America/New_York", "2026-11-01T06:30:00Z", null],
  ["NY start 01:30 in overlap: 01:29 EDT before start", startInOverlap, "America/New_York", "2026-11-01T05:29:00Z", null],
  ["NY start 01:30 in overlap: 01:30 EDT", startInOverlap, "America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T10:00:00Z"],
  ["NY start 01:30 in overlap: 01:00 EST already inside", startInOverlap, "America/New_York", "2026-11-01T06:00:00Z", "2026-11-01T10:00:00Z"],
  ["NY start 01:30 in overlap: 01:30 EST", startInOverlap, "America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T10:00:00Z"],
  // Europe/Berlin
  ["Berlin spring Sat 23:00 CET", night, "Europe/Berlin", "2026-03-28T22:00:00Z", "2026-03-29T06:00:00Z"],
  ["Berlin fall Sat 23:00 CEST", night, "Europe/Berlin", "2026-10-24T21:00:00Z", "2026-10-25T07:00:00Z"],
  ["Berlin fall 02:30 CEST runs on to 02:30 CET", berlinLate, "Europe/Berlin", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"],
  ["Berlin fall 02:00 CET inside", berlinLate, "Europe/Berlin", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z"],
  ["Berlin fall 02:30 CET ends it", berlinLate, "Europe/Berlin", "2026-10-25T01:30:00Z", null],
  // Southern hemisphere
  ["Sydney April fall-back night", night, "Australia/Sydney", "2026-04-04T11:00:00Z", "2026-04-04T22:00:00Z"],
  ["Sydney October spring-forward night", night, "Australia/Sydney", "2026-10-03T12:00:00Z", "2026-10-03T21:00:00Z"],
  ["Sydney end 02:30 skipped", endInGap, "Australia/Sydney", "2026-10-03T12:00:00Z", "2026-10-03T16:00:00Z"],
  ["Santiago end 00:30 skipped (midnight jump)", toMidnightHalf, "America/Santiago", "2026-09-06T01:00:00Z", "2026-09-06T04:00:00Z"],
  ["Santiago 23:30 repeated hour, second pass", toMidnightHalf, "America/Santiago", "2026-04-05T03:30:00Z", "2026-04-05T04:30:00Z"],
  // 23.5-hour window across a gap: the next window starts at the jump, so follow it
  ["window ends in gap where the next one already started", { start: "02:45", end: "02:15", weekdays: ALL }, "America/New_York", "2026-03-08T05:00:00Z", "2026-03-09T06:15:00Z"],
  ["almost all day: 07:00–08:00 free", almostAllDay, "Asia/Shanghai", "2026-07-01T23:30:00Z", null],
  ["almost all day: 06:59 quiet", almostAllDay, "Asia/Shanghai", "2026-07-01T22:59:00Z", "2026-07-01T23:00:00Z"],
  ["empty weekdays never quiet", { ...night, weekdays: [] }, "Asia/Shanghai", "2026-07-01T16:00:00Z", null],
];

describe("quiet hours table", () => {
  it.each(rows)("%s", (_name, window, timeZone, at, end) => {
    const options = { at: new Date(at), window, timeZone };
    expect(isInQuietHours(options)).toBe(end !== null);
    expect(quietHoursEndAt(options)?.toISOString() ?? null).toBe(
      end === null ? null : new Date(end).toISOString(),
    );
  });
});

// Every 15 minutes over days around each DST change: quiet until exactly `end`, not at `end`.
const sweeps: [string, string, QuietWindow][] = [];
for (const window of [
  night,
  workNights,
  endInGap,
  startInGap,
  endInOverlap,
  startInOverlap,
  berlinLate,
  toMidnightHalf,
  lunch,
  almostAllDay,
]) {
  sweeps.push(
    ["America/New_York", "2026-03-06T00:00:00Z", window],
    ["America/New_York", "2026-10-30T00:00:00Z", window],
    ["Europe/Berlin", "2026-03-27T00:00:00Z", window],
    ["Europe/Berlin", "2026-10-23T00:00:00Z", window],
    ["Australia/Sydney", "2026-04-02T00:00:00Z", window],
    ["Australia/Sydney", "2026-10-01T00:00:00Z", window],
    ["America/Santiago", "2026-04-02T00:00:00Z", window],
    ["America/Santiago", "2026-09-04T00:00:00Z", window],
    ["Australia/Lord_Howe", "2026-10-01T00:00:00Z", window],
    ["Asia/Kathmandu", "2026-07-01T00:00:00Z", window],
  );
}

describe("quiet hours sweep", () => {
  it.each(sweeps)("%s from %s, %o", (timeZone, from, window) => {
    const STEP = 15 * 60_000;
    const start = Date.parse(from);
    const quiet = (u: number) => isInQuietHours({ at: new Date(u), window, timeZone });
    const problems: string[] = [];
    for (let t = start; t < start + 3 * 86_400_000; t += STEP) {
      const end = quietHoursEndAt({ at: new Date(t), window, timeZone })?.getTime() ?? null;
      const at = new Date(t).toISOString();
      if ((end !== null) !== quiet(t))
        problems.push(`${at}: isInQuietHours disagrees with quietHoursEndAt`);
      if (end === null) continue;
      if (end <= t) problems.push(`${at}: end not after t`);
      if (quiet(end)) problems.push(`${at}: still quiet at end`);
      if (!quiet(end - 60_000)) problems.push(`${at}: not quiet just before end`);
      for (let i = 1; i < 4; i++) {
        if (!quiet(t + Math.floor(((end - t) * i) / 4))) problems.push(`${at}: gap inside window`);
      }
    }
    expect(problems).toEqual([]);
  });
});
