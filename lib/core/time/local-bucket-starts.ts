import { Temporal } from "temporal-polyfill";

/**
 * The starts of the `count` consecutive local hours or days of `timeZone` ending with the one that
 * contains `now`, oldest first. Local hours follow the zone (Asia/Kathmandu's start at :15 UTC);
 * days start at local midnight, or at the first minute of the day where DST skips midnight.
 */
export function localBucketStarts(options: {
  now: Date;
  unit: "hour" | "day";
  count: number;
  timeZone: string;
}): Date[] {
  const { now, unit, count, timeZone } = options;
  const zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const starts: Date[] = [];
  if (unit === "day") {
    const today = zoned.toPlainDate();
    for (let i = count - 1; i >= 0; i--) {
      const day = today.subtract({ days: i }).toZonedDateTime({ timeZone });
      starts.push(new Date(day.epochMilliseconds));
    }
    return starts;
  }
  // Step back in exact hours from the current local hour, so a repeated DST hour is two buckets.
  const current = zoned.round({ smallestUnit: "hour", roundingMode: "floor" }).epochMilliseconds;
  for (let i = count - 1; i >= 0; i--) starts.push(new Date(current - i * 3_600_000));
  return starts;
}
