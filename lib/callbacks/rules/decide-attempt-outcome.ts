import type { ClaimedDelivery, DeliveryOutcome, SentAttempt } from "../delivery-types";
import { planNextAttempt } from "./plan-next-attempt";
import type { RetryScheduleName } from "./retry-schedule";

export type DecideAttemptOutcomeOptions = {
  delivery: ClaimedDelivery;
  sent: SentAttempt;
  /** Hours an endpoint may fail without a success before it is disabled. */
  autoDisableHours: number;
  /** Multiplies every planned wait (tests and the bench); 1 in production. */
  timeScale: number;
  /** Jitter source for the retry schedule. */
  random?: () => number;
};

/**
 * What one POST means for its delivery: succeeded, retry at T (Retry-After included), dead
 * letter after the last retry, 410 → dead and disable the endpoint, or — when the endpoint has
 * been failing longer than the auto-disable period — disable it and park the delivery.
 */
export function decideAttemptOutcome(options: DecideAttemptOutcomeOptions): DeliveryOutcome {
  const { delivery, sent, autoDisableHours, timeScale, random } = options;
  const at = sent.finishedAt;
  const number = delivery.attemptCount + 1;
  const runAttempt = delivery.runAttempt + 1;
  const plan = planNextAttempt({
    outcome: sent.outcome,
    attempt: runAttempt,
    schedule: (delivery.endpoint.retrySchedule === "long"
      ? "long"
      : "default") as RetryScheduleName,
    maxRetries: delivery.endpoint.maxRetries,
    now: at,
    random,
  });
  const base = {
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    leaseToken: delivery.leaseToken,
    attempt: { ...sent, number, runAttempt },
  };
  if (plan.action === "succeeded")
    return {
      ...base,
      status: "SUCCEEDED",
      nextAttemptAt: null,
      completedAt: at,
      streak: { kind: "success", at },
      disable: null,
      result: { action: "succeeded", attempt: number, statusCode: sent.statusCode ?? 0 },
    };
  if (plan.action === "disable_endpoint")
    return {
      ...base,
      status: "DEAD",
      nextAttemptAt: null,
      completedAt: at,
      streak: null,
      disable: { reason: "gone" },
      result: { action: "endpoint_disabled", attempt: number, reason: "gone" },
    };

  const since = delivery.endpoint.failingSince ?? at;
  const failingTooLong = at.getTime() - since.getTime() >= autoDisableHours * 3_600_000;
  const streak = { kind: "failure" as const, at };
  const disable = failingTooLong
    ? { reason: "failing" as const, since, hours: autoDisableHours }
    : null;
  if (plan.action === "dead")
    return {
      ...base,
      status: "DEAD",
      nextAttemptAt: null,
      completedAt: at,
      streak,
      disable,
      result: { action: "dead", attempt: number, reason: plan.reason },
    };
  if (failingTooLong)
    return {
      ...base,
      status: "PENDING",
      nextAttemptAt: null,
      completedAt: null,
      streak,
      disable,
      result: { action: "parked", attempt: number, reason: "endpoint_auto_disabled" },
    };
  const next = new Date(at.getTime() + Math.round(plan.delayMs * timeScale));
  return {
    ...base,
    status: "RETRYING",
    nextAttemptAt: next,
    completedAt: null,
    streak,
    disable: null,
    result: {
      action: "retry",
      at: next.toISOString(),
      token: next.toISOString(),
      delayMs: plan.delayMs,
      attempt: number,
      reason: plan.reason,
    },
  };
}
