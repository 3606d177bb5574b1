import { Temporal } from "temporal-polyfill";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const cache = new Map<string, Map<number, number>>();

function exactOffset(ms: number, timeZone: string): number {
  return (
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).offsetNanoseconds /
    1_000_000
  );
}

/**
 * Offset of `timeZone` from UTC at `instant`, in milliseconds (Asia/Kathmandu → +20 700 000).
 * Throws a RangeError for a zone the runtime does not know. The hot notification path calls this
 * per recipient, and Temporal objects cost microseconds each, so offsets are cached per zone-hour.
 */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  let zone = cache.get(timeZone);
  if (!zone) {
    // Bounded so a long-running worker does not grow without limit.
    if (cache.size > 500) cache.clear();
    zone = new Map();
    cache.set(timeZone, zone);
  }
  // No zone changes its offset twice within an hour, so an hour whose first and last minutes agree
  // has that offset throughout; only hours holding a change are resolved minute by minute.
  const hour = Math.floor(ms / HOUR) * HOUR;
  let whole = zone.get(hour);
  if (whole === undefined) {
    if (zone.size > 20_000) zone.clear();
    const first = exactOffset(hour, timeZone);
    whole = first === exactOffset(hour + HOUR - MINUTE, timeZone) ? first : NaN;
    zone.set(hour, whole);
  }
  if (!Number.isNaN(whole)) return whole;
  // Offsets change only on whole minutes (every zone since 1972).
  const minute = Math.floor(ms / MINUTE) * MINUTE;
  // Negative keys hold minute entries, apart from the hour entries.
  let exact = zone.get(-minute - 1);
  if (exact === undefined) {
    exact = exactOffset(minute, timeZone);
    zone.set(-minute - 1, exact);
  }
  return exact;
}
