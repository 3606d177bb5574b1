import { systemClock, type Clock } from "./clock";
import { ConnectorError } from "./connector-error";

export type RetryOptions = {
  /** Attempts in total, the first included. */
  maxAttempts?: number;
  /** First backoff step; doubles each attempt. */
  baseDelayMs?: number;
  /** Ceiling for one wait. */
  maxDelayMs?: number;
  /** Called before each wait (logging, metrics, telling the limiter to pause). */
  onRetry?: (info: { attempt: number; delayMs: number; error: ConnectorError }) => void;
  clock?: Clock;
  /** 0..1 source for jitter (injectable for tests). */
  random?: () => number;
};

export const defaultRetry: Required<
  Pick<RetryOptions, "maxAttempts" | "baseDelayMs" | "maxDelayMs">
> = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
};

/** Wait before retry `attempt` (1-based): the platform's Retry-After when given, else full-jitter exponential backoff. */
export function backoffDelay(
  attempt: number,
  error: ConnectorError,
  options: RetryOptions = {},
): number {
  const random = options.random ?? Math.random;
  const base = options.baseDelayMs ?? defaultRetry.baseDelayMs;
  const max = options.maxDelayMs ?? defaultRetry.maxDelayMs;
  if (error.retryAfterMs !== undefined) {
    // Small jitter on top so many workers released at once do not collide again.
    return Math.min(max, error.retryAfterMs + Math.floor(random() * Math.min(1_000, base)));
  }
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

/** Runs `fn`, retrying throttled and transient ConnectorErrors with backoff; anything else is thrown at once. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? defaultRetry.maxAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!(err instanceof ConnectorError) || !err.retryable || attempt >= maxAttempts) throw err;
      const delayMs = backoffDelay(attempt, err, options);
      options.onRetry?.({ attempt, delayMs, error: err });
      await clock.sleep(delayMs);
    }
  }
}
