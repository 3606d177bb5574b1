import { describe, expect, test } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./backoff";
import { parseDuration, resolveWakeAt } from "./duration";

describe("parseDuration", () => {
  test.each<[string, number | null]>([
    ["1s", 1000],
    ["2h30m10s", 9_010_000],
    ["1w1d", 691_200_000],
    ["500ms", 500],
    ["1.5s", 1500],
    ["", null],
    ["10", null],
    ["2026-01-01T00:00:00Z", null],
    ["1x", null],
  ])("%s → %s", (s, want) => expect(parseDuration(s)).toBe(want));

  test("sleepUntil sends an ISO date", () => {
    expect(resolveWakeAt("2026-01-01T00:00:00.000Z", 0)).toBe(
      Date.parse("2026-01-01T00:00:00.000Z"),
    );
    expect(resolveWakeAt("5s", 1000)).toBe(6000);
    expect(resolveWakeAt("soon", 0)).toBeNull();
  });
});

describe("retryDelayMs", () => {
  test.each([
    [0, 0, 500],
    [0, 0.999, 1000],
    [3, 0, 4000],
    [40, 0.5, 450_000],
  ])("attempt %i, random %f → %i", (attempt, r, want) => {
    expect(retryDelayMs({ attempt, baseMs: 1000, maxMs: 600_000, random: () => r })).toBe(want);
  });

  test("Retry-After as seconds or date", () => {
    expect(parseRetryAfter("30", 1000)).toBe(31_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:00 GMT", 0)).toBe(
      Date.parse("2026-01-01T00:00:00Z"),
    );
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
