/**
 * Spacing of rate-limit slots for `limit` sends per second, and how late a slot may still be
 * used. A send may start up to `lateMs` after its slot, so slots are spaced (1000 + lateMs) /
 * limit apart: then no 1-second window can hold more than `limit` starts, whoever sends and
 * however late within the tolerance (the cost: the sustained rate is at most 2 % under the limit).
 */
export function rateSlotSpacing(limit: number): { intervalMs: number; lateMs: number } {
  const lateMs = Math.min(500 / limit, 20); // half the nominal interval, at most 20 ms
  return { intervalMs: (1000 + lateMs) / limit, lateMs };
}
