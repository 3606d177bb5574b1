import type { LocalDateTime } from "./local-date-time";
import { zoneOffsetMs } from "./zone-offset-ms";

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The instants at which the wall clock in `timeZone` reads `target`, as epoch ms: `earliest ===
 * latest` normally; the two passes in a DST overlap (the repeated hour); and in a DST gap, where
 * the clock never reads it, both are the moment the clock jumps over it (America/New_York
 * 2026-03-08 02:30 → 07:00Z, i.e. 03:00 EDT) — not Temporal's "shift by the gap length", which
 * would start a 02:30 quiet window at 03:30. Quiet-hours sweeps call this per recipient near DST
 * changes, so it works on the cached offsets rather than building Temporal objects (~10× slower).
 */
export function resolveLocalDateTime(
  target: LocalDateTime,
  timeZone: string,
): { earliest: number; latest: number } {
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(target.year, target.month - 1, target.day);
  asUtc.setUTCHours(target.hour, target.minute, 0, 0);
  const wall = asUtc.getTime();
  // No zone changes offset twice within two days: the offsets a day either side are the only candidates.
  const before = zoneOffsetMs(wall - DAY, timeZone);
  const after = zoneOffsetMs(wall + DAY, timeZone);
  const a = wall - before;
  const b = wall - after;
  const aValid = zoneOffsetMs(a, timeZone) === before;
  const bValid = a !== b && zoneOffsetMs(b, timeZone) === after;
  if (aValid && bValid) return { earliest: Math.min(a, b), latest: Math.max(a, b) };
  if (aValid) return { earliest: a, latest: a };
  if (bValid) return { earliest: b, latest: b };
  // A gap: `before` holds at lo and `after` at hi; the jump is the first minute of `after`.
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
