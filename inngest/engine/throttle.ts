import type { PoolClient } from "pg";
import type { ThrottleLimit } from "./flow-config";

/**
 * GCRA with reservation: every run start takes the next emission slot of its
 * throttle key, so excess runs are spread out in arrival (FIFO) order and none
 * is dropped. One upsert under the key's row lock, so instances sharing the
 * database draw from one sequence. The interval is rounded up to whole
 * milliseconds (the column's precision) so rounding never lets a run in early.
 * Returns when the run may start (epoch ms), or null when it may start now.
 */
export async function reserveThrottleSlot(
  c: PoolClient,
  key: string,
  t: ThrottleLimit,
): Promise<number | null> {
  const intervalMs = Math.ceil(t.periodMs / t.limit);
  const toleranceMs = (t.burst - 1) * intervalMs;
  // tat = theoretical arrival time after this start; the start is due at (previous tat − tolerance).
  const { rows } = await c.query<{ startAt: string; now: string }>(
    `WITH now AS (SELECT clock_timestamp() AS t),
     up AS (
       INSERT INTO "JobThrottle" (key, tat) SELECT $1, t + make_interval(secs => $2 / 1000.0) FROM now
       ON CONFLICT (key) DO UPDATE SET tat = greatest("JobThrottle".tat, (SELECT t FROM now)) + make_interval(secs => $2 / 1000.0)
       RETURNING tat)
     SELECT extract(epoch FROM up.tat) * 1000 - $2 - $3 AS "startAt", extract(epoch FROM now.t) * 1000 AS now FROM up, now`,
    [key, intervalMs, toleranceMs],
  );
  const startAt = Number(rows[0].startAt);
  // Sub-millisecond differences come from the column's precision, not from the throttle.
  return startAt > Number(rows[0].now) + 1 ? Math.ceil(startAt) : null;
}
