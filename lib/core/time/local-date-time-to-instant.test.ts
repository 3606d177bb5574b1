import { describe, expect, it } from "vitest";
import { instantToLocalDateTime } from "./instant-to-local-date-time";
import { localDateTimeToInstant } from "./local-date-time-to-instant";

describe("localDateTimeToInstant", () => {
  it.each([
    ["2026-11-22T23:30", "Asia/Shanghai", "2026-11-22T15:30:00.000Z"],
    ["2026-11-22T23:30", "America/Los_Angeles", "2026-11-23T07:30:00.000Z"],
    ["2026-07-01T08:00", "Europe/Berlin", "2026-07-01T06:00:00.000Z"],
    ["2026-01-01T00:00", "UTC", "2026-01-01T00:00:00.000Z"],
    // Spring forward: 02:30 never happens in New York; the clock jumps to 03:00 EDT.
    ["2026-03-08T02:30", "America/New_York", "2026-03-08T07:00:00.000Z"],
    // Fall back: 01:30 happens twice; the first pass (EDT) is taken.
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
  ])("%s in %s → %s", (value, zone, iso) => {
    expect(localDateTimeToInstant(value, zone, "earliest").toISOString()).toBe(iso);
  });

  it("refuses what is not a datetime-local value", () => {
    expect(() => localDateTimeToInstant("2026-11-22 23:30", "UTC", "earliest")).toThrow(
      /local date-time/,
    );
  });
});

describe("instantToLocalDateTime", () => {
  it.each([
    ["2026-11-22T15:30:00.000Z", "Asia/Shanghai", "2026-11-22T23:30"],
    ["2026-11-23T07:30:00.000Z", "America/Los_Angeles", "2026-11-22T23:30"],
    ["2026-01-01T00:00:00.000Z", "Asia/Kolkata", "2026-01-01T05:30"],
  ])("%s in %s → %s", (iso, zone, value) => {
    expect(instantToLocalDateTime(new Date(iso), zone)).toBe(value);
  });

  it("round-trips outside DST changes", () => {
    const at = new Date("2026-05-05T12:34:00.000Z");
    for (const zone of [
      "Asia/Shanghai",
      "Europe/London",
      "America/Sao_Paulo",
      "Australia/Lord_Howe",
    ]) {
      expect(
        localDateTimeToInstant(instantToLocalDateTime(at, zone), zone, "earliest").toISOString(),
      ).toBe(at.toISOString());
    }
  });
});
