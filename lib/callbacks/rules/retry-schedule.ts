const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before each retry, in ms; retry n waits `schedule[n-1]` (the last repeats if maxRetries is larger). */
export const retrySchedules = {
  /** 3 retries within ~2.5 minutes: what the seed's "最多3次" asks for. */
  default: [5 * SECOND, 30 * SECOND, 2 * MINUTE],
  /** Svix-like: 7 retries spread over ~28 hours, for receivers with long outages. */
  long: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
} as const satisfies Record<string, readonly number[]>;

export type RetryScheduleName = keyof typeof retrySchedules;

export type RetryDelayOptions = {
  /** Which schedule the endpoint uses. */
  schedule: RetryScheduleName;
  /** 1 for the first retry (after the first failed attempt), 2 for the second, … */
  retry: number;
  /** Spread each delay ±this fraction so many failing deliveries do not retry in lockstep. Default 0.2. */
  jitter?: number;
  /** Random number in [0, 1), for tests. Default Math.random. */
  random?: () => number;
};

/** How long to wait before retry number `retry`, jittered. */
export function retryDelayMs(options: RetryDelayOptions): number {
  const { schedule, retry, jitter = 0.2, random = Math.random } = options;
  const delays = retrySchedules[schedule];
  const base = delays[Math.min(Math.max(retry, 1), delays.length) - 1];
  return Math.round(base * (1 + jitter * (2 * random() - 1)));
}
