import { Temporal } from "temporal-polyfill";

/**
 * `instant` moved `days` calendar days on the wall clock of `timeZone`: 30 days after 10:00 is
 * 10:00 again even when a DST change lies between (not 30 × 24 h). A wall time that falls into a
 * DST gap moves forward by the gap.
 */
export function addDaysInZone(instant: Date, days: number, timeZone: string): Date {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(
    timeZone,
  );
  return new Date(zoned.add({ days }).epochMilliseconds);
}
