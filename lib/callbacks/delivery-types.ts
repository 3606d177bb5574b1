import type { AttemptOutcome } from "./rules/classify-attempt";

/** What one attempt did, as the caller of `attemptDelivery` sees it (JSON-safe). */
export type AttemptResult =
  | { action: "stop"; reason: "not_found" | "finished" | "superseded" | "endpoint_disabled" }
  | { action: "wait"; ms: number; reason: "rate_limited" }
  | { action: "retry"; at: string; token: string; delayMs: number; attempt: number; reason: string }
  | { action: "succeeded"; attempt: number; statusCode: number }
  | { action: "dead"; attempt: number; reason: string }
  | { action: "parked"; attempt: number; reason: "endpoint_auto_disabled" }
  | { action: "endpoint_disabled"; attempt: number; reason: "gone" };

export type DeliveryStatus = "PENDING" | "RETRYING" | "SUCCEEDED" | "DEAD";

/** A due delivery a worker holds under a lease, with what deciding its outcome needs. */
export type ClaimedDelivery = {
  id: string;
  endpointId: string;
  eventId: string;
  status: DeliveryStatus;
  attemptCount: number;
  runAttempt: number;
  nextAttemptAt: Date;
  leaseToken: string;
  leaseUntil: Date;
  event: { type: string; occurredAt: Date; data: unknown };
  endpoint: {
    enabled: boolean;
    failingSince: Date | null;
    updatedAt: Date;
    rateLimitPerSecond: number | null;
    maxRetries: number;
    retrySchedule: string;
  };
};

/** One POST's result, ready for the attempt log (headers already masked). */
export type SentAttempt = {
  outcome: AttemptOutcome;
  statusCode: number | null;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string> | null;
  responseExcerpt: string | null;
  error: string | null;
  latencyMs: number;
  finishedAt: Date;
};

/** What to write for one claimed delivery: the row's new state, maybe an attempt, maybe endpoint effects. */
export type DeliveryOutcome = {
  deliveryId: string;
  endpointId: string;
  eventId: string;
  leaseToken: string;
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  /** Set when the delivery finished; null leaves the column as it is. */
  completedAt: Date | null;
  /** Null for outcomes without a POST (parked before sending, rate-limited, released). */
  attempt: (SentAttempt & { number: number; runAttempt: number }) | null;
  /** Success clears the endpoint's failing streak; a failure starts it. */
  streak: { kind: "success" | "failure"; at: Date } | null;
  /** 410, or failing longer than the auto-disable period. */
  disable: { reason: "gone" } | { reason: "failing"; since: Date; hours: number } | null;
  result: AttemptResult;
};
