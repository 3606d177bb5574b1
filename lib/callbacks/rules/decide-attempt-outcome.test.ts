import { describe, expect, it } from "vitest";
import type { ClaimedDelivery, SentAttempt } from "../delivery-types";
import { decideAttemptOutcome } from "./decide-attempt-outcome";

const t0 = new Date("2026-07-01T00:00:00Z");
const delivery = (
  over: Partial<ClaimedDelivery["endpoint"]> = {},
  attempts = 0,
): ClaimedDelivery => ({
  id: "d1",
  endpointId: "e1",
  eventId: "evt1",
  status: "PENDING",
  attemptCount: attempts + 2, // two attempts before a resend
  runAttempt: attempts,
  nextAttemptAt: t0,
  leaseToken: "lease-1",
  leaseUntil: new Date(t0.getTime() + 60_000),
  event: { type: "learning.exam.passed", occurredAt: t0, data: {} },
  endpoint: {
    enabled: true,
    failingSince: null,
    updatedAt: t0,
    rateLimitPerSecond: null,
    maxRetries: 2,
    retrySchedule: "default",
    ...over,
  },
});
const sent = (status: number | null, headers: Record<string, string> = {}): SentAttempt => ({
  outcome:
    status === null ? { kind: "network", error: "refused" } : { kind: "response", status, headers },
  statusCode: status,
  requestHeaders: {},
  responseHeaders: status === null ? null : headers,
  responseExcerpt: null,
  error: status === null ? "refused: connect ECONNREFUSED" : null,
  latencyMs: 3,
  finishedAt: t0,
});
const decide = (d: ClaimedDelivery, s: SentAttempt, autoDisableHours = 24) =>
  decideAttemptOutcome({ delivery: d, sent: s, autoDisableHours, timeScale: 1, random: () => 0.5 });

describe("decideAttemptOutcome", () => {
  it("2xx: succeeded, attempt numbers continue the log, the failing streak ends", () => {
    const o = decide(delivery(), sent(204));
    expect([
      o.status,
      o.nextAttemptAt,
      o.completedAt,
      o.attempt?.number,
      o.attempt?.runAttempt,
    ]).toEqual(["SUCCEEDED", null, t0, 3, 1]);
    expect(o.streak).toEqual({ kind: "success", at: t0 });
    expect(o.result).toEqual({ action: "succeeded", attempt: 3, statusCode: 204 });
  });

  it("a failure retries on the schedule of this run (5 s after its first attempt), Retry-After overrides it", () => {
    const o = decide(delivery(), sent(500));
    expect([o.status, o.nextAttemptAt?.getTime()]).toEqual(["RETRYING", t0.getTime() + 5_000]);
    expect(o.streak).toEqual({ kind: "failure", at: t0 });
    const throttled = decide(delivery({}, 1), sent(429, { "retry-after": "7" }));
    expect(throttled.nextAttemptAt?.getTime()).toBe(t0.getTime() + 7_000);
    expect(throttled.result).toMatchObject({
      action: "retry",
      reason: "throttled",
      delayMs: 7_000,
    });
  });

  it("after maxRetries retries the delivery is dead", () => {
    const o = decide(delivery({}, 2), sent(null));
    expect([o.status, o.nextAttemptAt, o.completedAt]).toEqual(["DEAD", null, t0]);
    expect(o.result).toEqual({ action: "dead", attempt: 5, reason: "refused" });
  });

  it("410 Gone: dead and the endpoint is disabled, the streak untouched", () => {
    const o = decide(delivery(), sent(410));
    expect([o.status, o.disable, o.streak]).toEqual(["DEAD", { reason: "gone" }, null]);
  });

  it("failing longer than the auto-disable period: the endpoint is disabled and the delivery parks", () => {
    const since = new Date(t0.getTime() - 2 * 3_600_000);
    const o = decide(delivery({ failingSince: since }), sent(500), 1);
    expect([o.status, o.nextAttemptAt]).toEqual(["PENDING", null]);
    expect(o.disable).toEqual({ reason: "failing", since, hours: 1 });
    expect(o.result).toEqual({ action: "parked", attempt: 3, reason: "endpoint_auto_disabled" });
    // Within the period it is an ordinary retry.
    expect(decide(delivery({ failingSince: since }), sent(500), 3).status).toBe("RETRYING");
  });
});
