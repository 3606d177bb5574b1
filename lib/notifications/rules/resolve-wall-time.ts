import { zoneOffsetMs } from "./zone-offset";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A local date and clock time. */
export type WallTarget = {
  /** Full year. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month (may overflow; it is normalised like Date.UTC does). */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
};

/**
 * The instants at which the wall clock in `timeZone` reads `target`, as epoch ms:
 * `earliest === latest` normally; two different instants in a DST overlap (the hour that
 * repeats); and in a DST gap, where the clock never reads it, both are the moment the clock
 * jumps over it (America/New_York 2026-03-08 02:30 → 07:00Z, i.e. 03:00 EDT).
 */
export function resolveWallTime(
  target: WallTarget,
  timeZone: string,
): { earliest: number; latest: number } {
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(target.year, target.month - 1, target.day);
  asUtc.setUTCHours(target.hour, target.minute, 0, 0);
  const guess = asUtc.getTime();
  const before = zoneOffsetMs(guess - DAY, timeZone);
  const after = zoneOffsetMs(guess + DAY, timeZone);
  const a = guess - before;
  const b = guess - after;
  const aValid = zoneOffsetMs(a, timeZone) === before;
  const bValid = a !== b && zoneOffsetMs(b, timeZone) === after;
  if (aValid && bValid) return { earliest: Math.min(a, b), latest: Math.max(a, b) };
  if (aValid) return { earliest: a, latest: a };
  if (bValid) return { earliest: b, latest: b };

  // Gap: the offset `before` holds at lo, `after` at hi; find the first minute of `after`.
  let lo = Math.floor(b / MINUTE) * MINUTE;
  let hi = a;
  while (hi - lo > MINUTE) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
    if (mid <= lo || mid >= hi) break;
    if (zoneOffsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return { earliest: hi, latest: hi };
}
