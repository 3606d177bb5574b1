import { describe, expect, it } from "vitest";
import { addCalendarDays } from "./add-calendar-days";
import { addDaysInZone } from "./add-days-in-zone";
import { isValidTimeZone } from "./is-valid-time-zone";
import { localBucketStarts } from "./local-bucket-starts";
import { localDate } from "./local-date";
import { localDateTimeToInstant } from "./local-date-time-to-instant";
import { localDayRange } from "./local-day-range";
import { localDayStart } from "./local-day-start";
import { zoneOffsetMs } from "./zone-offset-ms";

const iso = (d: Date) => d.toISOString();

// Expected values are worked out from the IANA rules of each zone, not from this module.
describe("localDayStart over DST edges and odd offsets", () => {
  it.each([
    // Santiago springs forward at 24:00 → the day begins at 01:00 -03 (old code said 03:00Z, 23:00 the day before).
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
    ["2026-09-05", "America/Santiago", "2026-09-05T04:00:00.000Z"],
    ["2026-09-07", "America/Santiago", "2026-09-07T03:00:00.000Z"],
    // Santiago falls back at 24:00 on 4 April 2026: the clock goes from 23:59:59 -03 to 23:00 -04 on
    // the 4th, so the 5th first shows at 00:00 -04.
    ["2026-04-05", "America/Santiago", "2026-04-05T04:00:00.000Z"],
    // Havana springs forward at 00:00 → 01:00 CDT.
    ["2026-03-08", "America/Havana", "2026-03-08T05:00:00.000Z"],
    ["2026-03-07", "America/Havana", "2026-03-07T05:00:00.000Z"],
    ["2026-03-09", "America/Havana", "2026-03-09T04:00:00.000Z"],
    ["2026-03-29", "Europe/London", "2026-03-29T00:00:00.000Z"],
    ["2026-03-30", "Europe/London", "2026-03-29T23:00:00.000Z"],
    ["2026-10-25", "Europe/London", "2026-10-24T23:00:00.000Z"],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"],
    ["2026-11-01", "America/New_York", "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", "America/New_York", "2026-11-02T05:00:00.000Z"],
    // Lord Howe: +10:30 standard, +11 summer; the change is half an hour at 02:00.
    ["2026-04-05", "Australia/Lord_Howe", "2026-04-04T13:00:00.000Z"],
    ["2026-04-06", "Australia/Lord_Howe", "2026-04-05T13:30:00.000Z"],
    ["2026-10-04", "Australia/Lord_Howe", "2026-10-03T13:30:00.000Z"],
    ["2026-10-05", "Australia/Lord_Howe", "2026-10-04T13:00:00.000Z"],
    ["2026-06-15", "Asia/Kathmandu", "2026-06-14T18:15:00.000Z"],
    // Chatham: +12:45 standard, +13:45 summer (ends 5 April 2026 03:45 local).
    ["2026-04-05", "Pacific/Chatham", "2026-04-04T10:15:00.000Z"],
    ["2026-04-06", "Pacific/Chatham", "2026-04-05T11:15:00.000Z"],
    ["2026-09-27", "Pacific/Chatham", "2026-09-26T11:15:00.000Z"],
    ["2026-09-28", "Pacific/Chatham", "2026-09-27T10:15:00.000Z"],
    ["2026-01-01", "Asia/Shanghai", "2025-12-31T16:00:00.000Z"],
  ])("%s in %s starts at %s", (date, zone, expected) => {
    expect(iso(localDayStart(date, zone))).toBe(expected);
  });

  it("refuses a malformed or impossible date", () => {
    expect(() => localDayStart("2026-02-30", "Asia/Shanghai")).toThrow(RangeError);
    expect(() => localDayStart("2026-2-3", "Asia/Shanghai")).toThrow(/calendar date/);
    expect(() => localDayStart("2026-01-01\u0000", "Asia/Shanghai")).toThrow(/calendar date/);
  });
});

describe("localDate", () => {
  it.each([
    ["2026-09-06T03:59:59Z", "America/Santiago", "2026-09-05"],
    ["2026-09-06T04:00:00Z", "America/Santiago", "2026-09-06"],
    ["2026-03-08T04:59:00Z", "America/Havana", "2026-03-07"],
    ["2026-03-08T05:00:00Z", "America/Havana", "2026-03-08"],
    ["2026-06-14T18:14:59Z", "Asia/Kathmandu", "2026-06-14"],
    ["2026-06-14T18:15:00Z", "Asia/Kathmandu", "2026-06-15"],
    ["2026-04-05T11:14:00Z", "Pacific/Chatham", "2026-04-05"],
    ["2026-04-05T11:15:00Z", "Pacific/Chatham", "2026-04-06"],
    ["2026-12-31T15:59:59Z", "Asia/Shanghai", "2026-12-31"],
    ["2026-12-31T16:00:00Z", "Asia/Shanghai", "2027-01-01"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(localDate(new Date(instant), zone)).toBe(expected);
  });
});

describe("localDayRange", () => {
  it.each([
    // 23-hour and 25-hour days, a 23.5-hour day, and a skipped midnight.
    ["2026-03-08T12:00:00Z", "America/New_York", "2026-03-08T05:00:00.000Z", 23],
    ["2026-11-01T12:00:00Z", "America/New_York", "2026-11-01T04:00:00.000Z", 25],
    ["2026-10-04T02:00:00Z", "Australia/Lord_Howe", "2026-10-03T13:30:00.000Z", 23.5],
    ["2026-09-06T12:00:00Z", "America/Santiago", "2026-09-06T04:00:00.000Z", 23],
    ["2026-03-08T12:00:00Z", "America/Havana", "2026-03-08T05:00:00.000Z", 23],
    ["2026-07-01T12:00:00Z", "Asia/Kathmandu", "2026-06-30T18:15:00.000Z", 24],
  ])("the day of %s in %s starts at %s and lasts %d h", (at, zone, start, hours) => {
    const range = localDayRange(new Date(at), zone);
    expect(iso(range.start)).toBe(start);
    expect((range.end.getTime() - range.start.getTime()) / 3_600_000).toBe(hours);
  });
});

describe("localDateTimeToInstant with a stated disambiguation", () => {
  it.each([
    // London's repeated 01:30 on 25 October 2026: BST first, then GMT.
    ["2026-10-25T01:30", "Europe/London", "earliest", "2026-10-25T00:30:00.000Z"],
    ["2026-10-25T01:30", "Europe/London", "latest", "2026-10-25T01:30:00.000Z"],
    // A skipped time is the moment the clock jumps, whichever pass is asked for.
    ["2026-03-29T01:30", "Europe/London", "earliest", "2026-03-29T01:00:00.000Z"],
    ["2026-03-29T01:30", "Europe/London", "latest", "2026-03-29T01:00:00.000Z"],
    ["2026-09-06T00:30", "America/Santiago", "earliest", "2026-09-06T04:00:00.000Z"],
    // Lord Howe repeats 01:30–02:00 on 5 April 2026 (+11 then +10:30).
    ["2026-04-05T01:45", "Australia/Lord_Howe", "earliest", "2026-04-04T14:45:00.000Z"],
    ["2026-04-05T01:45", "Australia/Lord_Howe", "latest", "2026-04-04T15:15:00.000Z"],
    ["2026-04-05T02:45", "Pacific/Chatham", "earliest", "2026-04-04T13:00:00.000Z"],
    ["2026-04-05T02:45", "Pacific/Chatham", "latest", "2026-04-04T14:00:00.000Z"],
  ] as const)("%s in %s (%s) → %s", (value, zone, pass, expected) => {
    expect(iso(localDateTimeToInstant(value, zone, pass))).toBe(expected);
  });

  it("refuses impossible clock values", () => {
    expect(() => localDateTimeToInstant("2026-01-01T24:00", "UTC", "earliest")).toThrow(
      /local date-time/,
    );
    expect(() => localDateTimeToInstant("2026-13-01T10:00", "UTC", "earliest")).toThrow(
      /local date-time/,
    );
  });
});

describe("zoneOffsetMs", () => {
  it.each([
    ["2026-06-01T00:00:00Z", "Asia/Kathmandu", 5.75],
    ["2026-06-01T00:00:00Z", "Pacific/Chatham", 12.75],
    ["2026-01-01T00:00:00Z", "Pacific/Chatham", 13.75],
    ["2026-01-01T00:00:00Z", "Australia/Lord_Howe", 11],
    ["2026-06-01T00:00:00Z", "Australia/Lord_Howe", 10.5],
    ["2026-09-06T03:59:59Z", "America/Santiago", -4],
    ["2026-09-06T04:00:00Z", "America/Santiago", -3],
    ["2026-06-01T00:00:00Z", "Asia/Shanghai", 8],
  ])("at %s %s is UTC%+d h", (at, zone, hours) => {
    expect(zoneOffsetMs(new Date(at), zone)).toBe(hours * 3_600_000);
  });

  it("changes on the exact minute inside a cached hour (Lord Howe, 02:00 → 02:30)", () => {
    expect(zoneOffsetMs(Date.parse("2026-10-03T15:29:00Z"), "Australia/Lord_Howe")).toBe(
      10.5 * 3_600_000,
    );
    expect(zoneOffsetMs(Date.parse("2026-10-03T15:30:00Z"), "Australia/Lord_Howe")).toBe(
      11 * 3_600_000,
    );
  });
});

describe("adding days", () => {
  it("adds calendar days across month and year ends", () => {
    expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addCalendarDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("keeps the wall-clock time in a zone across DST (30 days after 10:00 is 10:00)", () => {
    const disabled = localDateTimeToInstant("2026-10-10T10:00", "Europe/London", "earliest");
    const later = addDaysInZone(disabled, 30, "Europe/London");
    expect(iso(later)).toBe("2026-11-09T10:00:00.000Z");
    expect(later.getTime() - disabled.getTime()).toBe((30 * 24 + 1) * 3_600_000);
  });
});

describe("localBucketStarts", () => {
  it("cuts days at local day starts, a skipped midnight included", () => {
    const starts = localBucketStarts({
      now: new Date("2026-09-07T12:00:00Z"),
      unit: "day",
      count: 3,
      timeZone: "America/Santiago",
    }).map(iso);
    expect(starts).toEqual([
      "2026-09-05T04:00:00.000Z",
      "2026-09-06T04:00:00.000Z",
      "2026-09-07T03:00:00.000Z",
    ]);
  });

  it("cuts hours on the local clock (Kathmandu hours start at :15 UTC)", () => {
    const starts = localBucketStarts({
      now: new Date("2026-06-01T10:20:00Z"),
      unit: "hour",
      count: 2,
      timeZone: "Asia/Kathmandu",
    }).map(iso);
    expect(starts).toEqual(["2026-06-01T09:15:00.000Z", "2026-06-01T10:15:00.000Z"]);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    ["Asia/Shanghai", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    ["+08:00", false],
    ["Mars/Olympus", false],
    ["Asia/Shanghai\u0000", false],
    ["\ud800", false],
    ["A".repeat(10_000), false],
  ])("%s → %s", (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
