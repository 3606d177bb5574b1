import { parseRetryAfter } from "./parse-retry-after";

/** Why a POST never produced a response (see safe-fetch). */
export type NetworkErrorKind = "timeout" | "refused" | "reset" | "dns" | "tls" | "other";

/** What one delivery attempt produced. */
export type AttemptOutcome =
  | { kind: "response"; status: number; headers?: Headers }
  | { kind: "network"; error: NetworkErrorKind }
  /** The SSRF guard refused the URL at send time (e.g. DNS now points at a private address). */
  | { kind: "blocked"; reason: string };

export type RetryReason =
  | "throttled"
  | "unavailable"
  | "redirect"
  | "client_error"
  | "server_error"
  | "unexpected_status"
  | "blocked"
  | NetworkErrorKind;

/** The verdict on one attempt, before looking at how many retries are left. */
export type AttemptClass =
  | { verdict: "success" }
  | { verdict: "disable"; reason: "gone" }
  | { verdict: "retry"; reason: RetryReason; retryAfterMs?: number };

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const value = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Classify an attempt: 2xx succeeded; 410 Gone disables the endpoint; 429/503 retry after the
 * receiver's Retry-After when given; redirects are failures (never followed blindly); every
 * other status, timeout and connection error is retried.
 */
export function classifyAttempt(outcome: AttemptOutcome, now: Date = new Date()): AttemptClass {
  if (outcome.kind === "network") return { verdict: "retry", reason: outcome.error };
  if (outcome.kind === "blocked") return { verdict: "retry", reason: "blocked" };
  const { status } = outcome;
  if (status >= 200 && status < 300) return { verdict: "success" };
  if (status === 410) return { verdict: "disable", reason: "gone" };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(header(outcome.headers, "retry-after"), now);
    const reason = status === 429 ? "throttled" : "unavailable";
    return retryAfterMs === null
      ? { verdict: "retry", reason }
      : { verdict: "retry", reason, retryAfterMs };
  }
  if (status >= 300 && status < 400) return { verdict: "retry", reason: "redirect" };
  if (status >= 400 && status < 500) return { verdict: "retry", reason: "client_error" };
  if (status >= 500 && status < 600) return { verdict: "retry", reason: "server_error" };
  return { verdict: "retry", reason: "unexpected_status" };
}
