import { describe, expect, it } from "vitest";
import { bucketSuccessRate } from "./bucket-success-rate";

const at = (iso: string) => new Date(iso);

describe("bucketSuccessRate", () => {
  it("24h: 24 hourly buckets ending with the current hour, empty ones zero", () => {
    const series = bucketSuccessRate({
      now: at("2026-03-10T12:34:00Z"),
      range: "24h",
      timeZone: "Asia/Shanghai",
      hours: [
        { hour: at("2026-03-10T12:00:00Z"), succeeded: 3, failed: 1 },
        { hour: at("2026-03-09T13:00:00Z"), succeeded: 1, failed: 0 },
        // 25 hours ago: outside the range.
        { hour: at("2026-03-09T11:00:00Z"), succeeded: 9, failed: 9 },
      ],
    });
    expect(series.buckets).toHaveLength(24);
    expect(series.buckets[0]).toEqual({
      start: "2026-03-09T13:00:00.000Z",
      succeeded: 1,
      failed: 0,
      rate: 1,
    });
    expect(series.buckets[23]).toEqual({
      start: "2026-03-10T12:00:00.000Z",
      succeeded: 3,
      failed: 1,
      rate: 0.75,
    });
    expect(series.buckets[10]).toMatchObject({ succeeded: 0, failed: 0, rate: null });
    expect(series).toMatchObject({ succeeded: 4, failed: 1, rate: 0.8 });
  });

  it("7d: days start at midnight in the company's zone, not UTC", () => {
    const series = bucketSuccessRate({
      // 01:00 on 10 March in Shanghai.
      now: at("2026-03-09T17:00:00Z"),
      range: "7d",
      timeZone: "Asia/Shanghai",
      hours: [
        // 00:00–01:00 on 10 March in Shanghai: today.
        { hour: at("2026-03-09T16:00:00Z"), succeeded: 2, failed: 0 },
        // 23:00 on 9 March in Shanghai: yesterday, though the same UTC date as the row above.
        { hour: at("2026-03-09T15:00:00Z"), succeeded: 0, failed: 5 },
        // 08:00 on 4 March in Shanghai: the first day of the range.
        { hour: at("2026-03-04T00:00:00Z"), succeeded: 1, failed: 1 },
        // 3 March: outside.
        { hour: at("2026-03-03T15:00:00Z"), succeeded: 7, failed: 0 },
      ],
    });
    expect(series.buckets.map((b) => b.start)).toEqual([
      "2026-03-03T16:00:00.000Z",
      "2026-03-04T16:00:00.000Z",
      "2026-03-05T16:00:00.000Z",
      "2026-03-06T16:00:00.000Z",
      "2026-03-07T16:00:00.000Z",
      "2026-03-08T16:00:00.000Z",
      "2026-03-09T16:00:00.000Z",
    ]);
    expect(series.buckets[6]).toMatchObject({ succeeded: 2, failed: 0, rate: 1 });
    expect(series.buckets[5]).toMatchObject({ succeeded: 0, failed: 5, rate: 0 });
    expect(series.buckets[0]).toMatchObject({ succeeded: 1, failed: 1, rate: 0.5 });
    expect(series).toMatchObject({ succeeded: 3, failed: 6 });
  });

  it("7d across a DST change starts each day at that day's local midnight", () => {
    // Europe/Berlin moves to summer time on 29 March 2026 (02:00 → 03:00).
    const series = bucketSuccessRate({
      now: at("2026-03-30T10:00:00Z"),
      range: "7d",
      timeZone: "Europe/Berlin",
      hours: [],
    });
    expect(series.buckets.at(-3)!.start).toBe("2026-03-27T23:00:00.000Z");
    expect(series.buckets.at(-2)!.start).toBe("2026-03-28T23:00:00.000Z");
    expect(series.buckets.at(-1)!.start).toBe("2026-03-29T22:00:00.000Z");
  });

  it("no attempts at all: rate null, not 0 % or 100 %", () => {
    const series = bucketSuccessRate({
      now: at("2026-03-10T12:00:00Z"),
      range: "24h",
      timeZone: "UTC",
      hours: [],
    });
    expect(series).toMatchObject({ succeeded: 0, failed: 0, rate: null });
    expect(series.buckets.every((b) => b.rate === null)).toBe(true);
  });
});
