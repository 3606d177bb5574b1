import { classifyAttempt, type AttemptOutcome, type RetryReason } from "./classify-attempt";
import { retryDelayMs, retrySchedules, type RetryScheduleName } from "./retry-schedule";

const HOUR = 3_600_000;

export type PlanNextAttemptOptions = {
  /** What the attempt that just finished produced. */
  outcome: AttemptOutcome;
  /** That attempt's number: 1 for the first delivery, 2 for the first retry, … */
  attempt: number;
  /** The endpoint's schedule. */
  schedule: RetryScheduleName;
  /** Retries allowed after the first attempt; default the schedule's length. */
  maxRetries?: number;
  /** When the attempt finished. */
  now: Date;
  /** Longest Retry-After honoured; default 1 hour (or the scheduled delay, if longer). */
  maxRetryAfterMs?: number;
  /** Random number in [0, 1) for jitter, for tests. */
  random?: () => number;
};

/** What the delivery job does next. */
export type NextStep =
  | { action: "succeeded" }
  | { action: "retry"; at: Date; delayMs: number; reason: RetryReason; retry: number }
  | { action: "dead"; reason: RetryReason }
  /** 410 Gone: the delivery is dead and the endpoint should be disabled. */
  | { action: "disable_endpoint"; reason: "gone" };

/**
 * Turn an attempt's outcome into the next step: done, retry at T, dead letter after the last
 * retry, or disable the endpoint. A Retry-After (429/503) replaces the scheduled delay, at
 * least 1 s and capped, so a receiver cannot park a delivery for days.
 */
export function planNextAttempt(options: PlanNextAttemptOptions): NextStep {
  const { outcome, attempt, schedule, now, random } = options;
  const maxRetries = options.maxRetries ?? retrySchedules[schedule].length;
  const verdict = classifyAttempt(outcome, now);
  if (verdict.verdict === "success") return { action: "succeeded" };
  if (verdict.verdict === "disable") return { action: "disable_endpoint", reason: verdict.reason };
  const retry = attempt; // the retry about to be scheduled: after attempt 1 comes retry 1
  if (retry > maxRetries) return { action: "dead", reason: verdict.reason };
  const scheduled = retryDelayMs({ schedule, retry, random });
  let delayMs = scheduled;
  if (verdict.retryAfterMs !== undefined) {
    const cap = Math.max(options.maxRetryAfterMs ?? HOUR, scheduled);
    delayMs = Math.min(Math.max(verdict.retryAfterMs, 1000), cap);
  }
  return {
    action: "retry",
    at: new Date(now.getTime() + delayMs),
    delayMs,
    reason: verdict.reason,
    retry,
  };
}
