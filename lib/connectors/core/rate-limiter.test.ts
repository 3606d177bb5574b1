import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import { createRateLimiter } from "./rate-limiter";

/** Largest number of grants inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe("createRateLimiter", () => {
  it("never grants more than the budget in any window", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ limits: { perSecond: 5, perMinute: 40 }, clock });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire();
      times.push(clock.now());
    }
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(5);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(40);
    // and it does use the budget: 200 grants at 40/min need just over 4 minutes of virtual time
    expect(times[199] - times[0]).toBeLessThan(5 * 61_200);
  });

  it("paces grants evenly over the finest window, or bursts when asked", async () => {
    const clock = createFakeClock();
    const smooth = createRateLimiter({
      limits: { perSecond: 10, perMinute: 100 },
      clock,
      safetyMargin: 0,
    });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await smooth.acquire();
      times.push(clock.now());
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.min(...gaps)).toBe(100);

    const bursty = createRateLimiter({
      limits: { perSecond: 10 },
      clock,
      safetyMargin: 0,
      smooth: false,
    });
    const start = clock.now();
    for (let i = 0; i < 10; i++) await bursty.acquire();
    expect(clock.now()).toBe(start);
  });

  it("serves concurrent waiters in order", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ limits: { perSecond: 2 }, clock });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([[false as const], [{}]])("does not wait when disabled (%j)", async (limits) => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ limits, clock });
    for (let i = 0; i < 1_000; i++) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  it("holds every grant while paused", async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ limits: false, clock });
    limiter.pauseUntil(clock.now() + 7_000);
    const start = clock.now();
    await limiter.acquire();
    expect(clock.now() - start).toBe(7_000);
  });
});
