import { describe, expect, it } from "vitest";
import { classifyAttempt, type AttemptOutcome } from "./classify-attempt";
import { parseRetryAfter } from "./parse-retry-after";
import { planNextAttempt } from "./plan-next-attempt";
import { retryDelayMs, retrySchedules } from "./retry-schedule";

const now = new Date("2026-07-01T00:00:00Z");
const res = (status: number, headers?: Record<string, string>): AttemptOutcome => ({
  kind: "response",
  status,
  headers,
});
const mid = () => 0.5; // no jitter

describe("retry schedules", () => {
  it("default is 5 s, 30 s, 2 min; long is Svix-like", () => {
    expect(retrySchedules.default).toEqual([5_000, 30_000, 120_000]);
    expect(retrySchedules.long).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it.each([
    ["default", 1, 0.5, 5_000],
    ["default", 2, 0.5, 30_000],
    ["default", 3, 0.5, 120_000],
    ["default", 4, 0.5, 120_000],
    ["default", 0, 0.5, 5_000],
    ["long", 7, 0.5, 36_000_000],
    ["default", 2, 0, 24_000],
    ["default", 2, 0.999999, 36_000],
  ] as const)("%s retry %d with random %d waits %d ms", (schedule, retry, r, ms) => {
    expect(retryDelayMs({ schedule, retry, random: () => r })).toBe(ms);
  });

  it("jitter stays within ±20%", () => {
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs({ schedule: "default", retry: 2 });
      expect(d).toBeGreaterThanOrEqual(24_000);
      expect(d).toBeLessThanOrEqual(36_000);
    }
  });
});

describe("parseRetryAfter", () => {
  it.each<[string | null | undefined, number | null]>([
    ["120", 120_000],
    ["0", 0],
    [" 5 ", 5_000],
    ["Wed, 01 Jul 2026 00:02:00 GMT", 120_000],
    ["Tue, 30 Jun 2026 23:00:00 GMT", 0],
    ["-5", null],
    ["1.5", null],
    ["soon", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%s → %s", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe("classifyAttempt", () => {
  it.each<[string, AttemptOutcome, ReturnType<typeof classifyAttempt>]>([
    ["200", res(200), { verdict: "success" }],
    ["204", res(204), { verdict: "success" }],
    ["299", res(299), { verdict: "success" }],
    [
      "301 is a failure",
      res(301, { location: "https://x" }),
      { verdict: "retry", reason: "redirect" },
    ],
    ["302", res(302), { verdict: "retry", reason: "redirect" }],
    ["307", res(307), { verdict: "retry", reason: "redirect" }],
    ["400", res(400), { verdict: "retry", reason: "client_error" }],
    ["401", res(401), { verdict: "retry", reason: "client_error" }],
    ["404", res(404), { verdict: "retry", reason: "client_error" }],
    ["410 disables", res(410), { verdict: "disable", reason: "gone" }],
    ["413", res(413), { verdict: "retry", reason: "client_error" }],
    ["429 without header", res(429), { verdict: "retry", reason: "throttled" }],
    [
      "429 with seconds",
      res(429, { "Retry-After": "30" }),
      { verdict: "retry", reason: "throttled", retryAfterMs: 30_000 },
    ],
    [
      "503 with date",
      res(503, { "retry-after": "Wed, 01 Jul 2026 00:01:00 GMT" }),
      { verdict: "retry", reason: "unavailable", retryAfterMs: 60_000 },
    ],
    [
      "503 with junk",
      res(503, { "retry-after": "later" }),
      { verdict: "retry", reason: "unavailable" },
    ],
    ["500", res(500), { verdict: "retry", reason: "server_error" }],
    ["502", res(502), { verdict: "retry", reason: "server_error" }],
    ["504", res(504), { verdict: "retry", reason: "server_error" }],
    ["100", res(100), { verdict: "retry", reason: "unexpected_status" }],
    ["timeout", { kind: "network", error: "timeout" }, { verdict: "retry", reason: "timeout" }],
    ["refused", { kind: "network", error: "refused" }, { verdict: "retry", reason: "refused" }],
    ["reset", { kind: "network", error: "reset" }, { verdict: "retry", reason: "reset" }],
    ["dns", { kind: "network", error: "dns" }, { verdict: "retry", reason: "dns" }],
    ["tls", { kind: "network", error: "tls" }, { verdict: "retry", reason: "tls" }],
    ["guard", { kind: "blocked", reason: "private" }, { verdict: "retry", reason: "blocked" }],
  ])("%s", (_name, outcome, expected) => {
    expect(classifyAttempt(outcome, now)).toEqual(expected);
  });
});

describe("planNextAttempt", () => {
  const plan = (
    outcome: AttemptOutcome,
    attempt: number,
    extra: Partial<Parameters<typeof planNextAttempt>[0]> = {},
  ) => planNextAttempt({ outcome, attempt, schedule: "default", now, random: mid, ...extra });

  it("succeeds on 2xx", () => expect(plan(res(200), 1)).toEqual({ action: "succeeded" }));
  it("disables the endpoint on 410", () =>
    expect(plan(res(410), 1)).toEqual({ action: "disable_endpoint", reason: "gone" }));

  it.each([
    [1, 5_000],
    [2, 30_000],
    [3, 120_000],
  ])("after attempt %d of the default schedule waits %d ms", (attempt, delay) => {
    expect(plan(res(500), attempt)).toEqual({
      action: "retry",
      retry: attempt,
      delayMs: delay,
      at: new Date(now.getTime() + delay),
      reason: "server_error",
    });
  });

  it("is dead after the last retry (attempt 4 = 1 + 3 retries)", () => {
    expect(plan(res(500), 4)).toEqual({ action: "dead", reason: "server_error" });
    expect(plan({ kind: "network", error: "timeout" }, 4)).toEqual({
      action: "dead",
      reason: "timeout",
    });
  });

  it("long schedule: 7 retries, dead at attempt 8", () => {
    expect(plan(res(502), 7, { schedule: "long" })).toMatchObject({
      action: "retry",
      delayMs: 36_000_000,
    });
    expect(plan(res(502), 8, { schedule: "long" })).toEqual({
      action: "dead",
      reason: "server_error",
    });
  });

  it("maxRetries shortens or lengthens a schedule (last delay repeats)", () => {
    expect(plan(res(500), 2, { maxRetries: 1 })).toEqual({
      action: "dead",
      reason: "server_error",
    });
    expect(plan(res(500), 5, { maxRetries: 5 })).toMatchObject({
      action: "retry",
      delayMs: 120_000,
    });
    expect(plan(res(500), 1, { maxRetries: 0 })).toEqual({
      action: "dead",
      reason: "server_error",
    });
  });

  it.each([
    ["honours a shorter Retry-After", "10", 1, 10_000],
    ["honours a longer Retry-After", "600", 1, 600_000],
    ["floors Retry-After at 1 s", "0", 1, 1_000],
    ["caps Retry-After at 1 h", "86400", 1, 3_600_000],
    ["cap is never below the scheduled delay", "86400", 6, 36_000_000],
  ])("%s", (_name, header, attempt, delay) => {
    const schedule = attempt > 3 ? "long" : "default";
    expect(plan(res(429, { "retry-after": header }), attempt, { schedule })).toMatchObject({
      action: "retry",
      delayMs: delay,
      reason: "throttled",
    });
  });

  it("Retry-After on the last attempt does not revive a dead delivery", () => {
    expect(plan(res(503, { "retry-after": "5" }), 4)).toEqual({
      action: "dead",
      reason: "unavailable",
    });
  });

  it("custom Retry-After cap", () => {
    expect(plan(res(503, { "retry-after": "600" }), 1, { maxRetryAfterMs: 60_000 })).toMatchObject({
      delayMs: 60_000,
    });
  });
});
