import { z } from "zod";
import { systemClock, type Clock } from "./clock";

/** Configurable request budget for one connection; `false` disables limiting. */
export const rateLimitSchema = z.union([
  z.literal(false),
  z.object({
    perSecond: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ label: { zh: "每秒请求数", en: "Requests per second" } }),
    perMinute: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ label: { zh: "每分钟请求数", en: "Requests per minute" } }),
    perHour: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ label: { zh: "每小时请求数", en: "Requests per hour" } }),
  }),
]);

export type RateLimitConfig = z.infer<typeof rateLimitSchema>;

export type RateLimiterOptions = {
  /** Budgets; `false` or an empty object = unlimited. */
  limits: RateLimitConfig;
  /** Extra fraction of each window to wait, so network jitter cannot push two grants into one server window. */
  safetyMargin?: number;
  clock?: Clock;
  /** Space grants evenly over the finest window instead of letting its whole budget out at once (default true). */
  smooth?: boolean;
  /** Called with the grant time of every request (metrics, benches). */
  onGrant?: (at: number) => void;
};

export interface RateLimiter {
  /** Resolves when one more request fits into every window. */
  acquire(): Promise<void>;
  /** Pushes every grant back until `untilMs` (after the platform said "throttled, wait"). */
  pauseUntil(untilMs: number): void;
}

type Window = { windowMs: number; grants: Float64Array; next: number };

/**
 * Sliding-window log per budget: the grant L positions back must be at least one window old.
 * Exact (never more than L grants in any window), O(1) per grant; grants are also paced evenly
 * over the finest window (coarser windows may still be used in bursts). In-process: one limiter per
 * connection per process; several app instances each get the full budget unless the budget is split.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? systemClock;
  const margin = options.safetyMargin ?? 0.02;
  const limits = options.limits || {};
  const windows: Window[] = [];
  const add = (limit: number | undefined, ms: number) => {
    if (limit)
      windows.push({
        windowMs: ms * (1 + margin),
        grants: new Float64Array(limit).fill(-Infinity),
        next: 0,
      });
  };
  add(limits.perSecond, 1_000);
  add(limits.perMinute, 60_000);
  add(limits.perHour, 3_600_000);
  // Even pacing at the finest window: a burst of L grants would arrive at the platform as one
  // spike, and any network jitter then pushes part of it into the platform's next window.
  const finest = windows[0];
  const paceMs = options.smooth === false || !finest ? 0 : finest.windowMs / finest.grants.length;
  let lastGrant = -Infinity;
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  async function grant(): Promise<void> {
    for (;;) {
      const now = clock.now();
      let readyAt = Math.max(pausedUntil, lastGrant + paceMs);
      for (const w of windows) readyAt = Math.max(readyAt, w.grants[w.next] + w.windowMs);
      if (readyAt <= now) {
        for (const w of windows) {
          w.grants[w.next] = now;
          w.next = (w.next + 1) % w.grants.length;
        }
        lastGrant = now;
        options.onGrant?.(now);
        return;
      }
      await clock.sleep(readyAt - now);
    }
  }

  return {
    acquire() {
      if (windows.length === 0 && pausedUntil <= clock.now()) {
        options.onGrant?.(clock.now());
        return Promise.resolve();
      }
      // Serialise waiters so grants are handed out in arrival order.
      const turn = queue.then(grant);
      queue = turn.catch(() => {});
      return turn;
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
  };
}

/** A limiter that never waits (rate limiting disabled). */
export const unlimited: RateLimiter = { acquire: () => Promise.resolve(), pauseUntil: () => {} };
