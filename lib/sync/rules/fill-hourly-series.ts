import { localBucketStarts } from "@/lib/core/time/local-bucket-starts";
import type { HourlyChanges } from "../sync-run-schemas";

const HOUR_MS = 3_600_000;

export type FillHourlySeriesOptions = {
  /** Any instant in the last hour to show (usually now); the series ends with that hour. */
  end: Date;
  /** How many hours the series covers, the last one included. */
  hours: number;
  /** Whose wall-clock hours (the company time zone; Asia/Kathmandu's start at :15 UTC). */
  timeZone: string;
};

/**
 * The hours of a chart, oldest first, each with its counts or zeros: the database only returns hours that
 * had runs, and a chart that skips quiet hours would draw busy ones side by side. Buckets outside the
 * window are dropped; two buckets for one hour (one per IM target) are added up.
 */
export function fillHourlySeries(
  buckets: readonly HourlyChanges[],
  { end, hours, timeZone }: FillHourlySeriesOptions,
): HourlyChanges[] {
  if (hours <= 0) return [];
  const starts = localBucketStarts({ now: end, unit: "hour", count: hours, timeZone });
  // The starts are whole hours apart, so an instant's slot is its distance from the first.
  const first = starts[0].getTime();
  const series: HourlyChanges[] = starts.map((start) => ({
    hour: start.toISOString(),
    applied: 0,
    failed: 0,
    skipped: 0,
    conflicts: 0,
  }));
  for (const b of buckets) {
    const at = new Date(b.hour).getTime();
    const i = Math.floor((at - first) / HOUR_MS);
    if (!Number.isInteger(i) || i < 0 || i >= series.length) continue;
    const slot = series[i];
    slot.applied += b.applied;
    slot.failed += b.failed;
    slot.skipped += b.skipped;
    slot.conflicts += b.conflicts;
  }
  return series;
}
