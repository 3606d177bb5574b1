/** Options for {@link retryDelayMs}. */
export interface RetryDelayOptions {
  /** Zero-based attempt that just failed. */
  attempt: number;
  /** First delay in ms. */
  baseMs?: number;
  /** Upper bound in ms. */
  maxMs?: number;
  /** Random source in [0, 1) (injected for tests). */
  random?: () => number;
}

/** Exponential backoff with full jitter over the upper half: base·2^attempt, capped, ×[0.5, 1). */
export function retryDelayMs({
  attempt,
  baseMs = 1000,
  maxMs = 10 * 60_000,
  random = Math.random,
}: RetryDelayOptions): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exp * (0.5 + random() / 2));
}

/** A `Retry-After` header (seconds or HTTP date) as an absolute time in ms, or null. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return now + secs * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
