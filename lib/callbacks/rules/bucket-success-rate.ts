import type {
  SuccessRateBucket,
  SuccessRateRange,
  SuccessRateSeries,
} from "../callback-console-schemas";
import { localBucketStarts } from "@/lib/core/time/local-bucket-starts";

/** Attempt counts of one clock hour (UTC-aligned), as the database groups them. */
export type HourlyAttempts = { hour: Date; succeeded: number; failed: number };

export type BucketSuccessRateOptions = {
  /** Attempt counts per hour; hours outside the range are ignored. */
  hours: readonly HourlyAttempts[];
  /** "24h": 24 hourly buckets ending with the current hour; "7d": 7 days ending today. */
  range: SuccessRateRange;
  /** The end of the range. */
  now: Date;
  /** Days (and hours, in zones off the whole hour) start here (the company's zone), not in UTC. */
  timeZone: string;
};

const rate = (succeeded: number, failed: number) =>
  succeeded + failed === 0 ? null : succeeded / (succeeded + failed);

/**
 * Turns hourly attempt counts into the chart's buckets: every bucket of the range is present
 * (zero when nothing was attempted), oldest first, with totals over the range.
 */
export function bucketSuccessRate(options: BucketSuccessRateOptions): SuccessRateSeries {
  const { hours, range, now, timeZone } = options;
  const starts = localBucketStarts({
    now,
    unit: range === "24h" ? "hour" : "day",
    count: range === "24h" ? 24 : 7,
    timeZone,
  }).map((d) => d.getTime());
  const buckets = starts.map((start) => ({ start, succeeded: 0, failed: 0 }));
  // The database groups by UTC hour; in a zone off the whole hour (Asia/Kathmandu) a row counts
  // in the local bucket its first minute falls in.
  for (const row of hours) {
    const t = row.hour.getTime();
    if (t > now.getTime() || t < starts[0]) continue;
    let i = starts.length - 1;
    while (i > 0 && starts[i] > t) i--;
    buckets[i].succeeded += row.succeeded;
    buckets[i].failed += row.failed;
  }

  const list: SuccessRateBucket[] = buckets.map((b) => ({
    start: new Date(b.start).toISOString(),
    succeeded: b.succeeded,
    failed: b.failed,
    rate: rate(b.succeeded, b.failed),
  }));
  const succeeded = list.reduce((n, b) => n + b.succeeded, 0);
  const failed = list.reduce((n, b) => n + b.failed, 0);
  return { range, buckets: list, succeeded, failed, rate: rate(succeeded, failed) };
}
