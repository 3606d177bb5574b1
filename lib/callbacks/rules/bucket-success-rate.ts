import type {
  SuccessRateBucket,
  SuccessRateRange,
  SuccessRateSeries,
} from "../callback-console-schemas";

const HOUR = 3_600_000;

/** Attempt counts of one clock hour (UTC-aligned), as the database groups them. */
export type HourlyAttempts = { hour: Date; succeeded: number; failed: number };

export type BucketSuccessRateOptions = {
  /** Attempt counts per hour; hours outside the range are ignored. */
  hours: readonly HourlyAttempts[];
  /** "24h": 24 hourly buckets ending with the current hour; "7d": 7 days ending today. */
  range: SuccessRateRange;
  /** The end of the range. */
  now: Date;
  /** Days start at midnight here (the company's zone), not in UTC. */
  timeZone: string;
};

const rate = (succeeded: number, failed: number) =>
  succeeded + failed === 0 ? null : succeeded / (succeeded + failed);

function dayKey(instant: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight of `key` (YYYY-MM-DD) happens in `timeZone`. */
function zonedMidnight(key: string, timeZone: string): number {
  const [y, m, d] = key.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - zoneOffset(guess, timeZone);
  // Recheck at the found instant: the offset can differ across a DST change.
  return guess - zoneOffset(first, timeZone);
}

/**
 * Turns hourly attempt counts into the chart's buckets: every bucket of the range is present
 * (zero when nothing was attempted), oldest first, with totals over the range.
 */
export function bucketSuccessRate(options: BucketSuccessRateOptions): SuccessRateSeries {
  const { hours, range, now, timeZone } = options;
  const buckets = new Map<string, { start: number; succeeded: number; failed: number }>();
  let keyOf: (hour: number) => string;

  if (range === "24h") {
    const current = Math.floor(now.getTime() / HOUR) * HOUR;
    for (let i = 23; i >= 0; i--) {
      const start = current - i * HOUR;
      buckets.set(String(start), { start, succeeded: 0, failed: 0 });
    }
    keyOf = (hour) => String(Math.floor(hour / HOUR) * HOUR);
  } else {
    const [y, m, d] = dayKey(now.getTime(), timeZone).split("-").map(Number);
    for (let i = 6; i >= 0; i--) {
      const key = new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10);
      buckets.set(key, { start: zonedMidnight(key, timeZone), succeeded: 0, failed: 0 });
    }
    keyOf = (hour) => dayKey(hour, timeZone);
  }

  for (const row of hours) {
    if (row.hour.getTime() > now.getTime()) continue;
    const bucket = buckets.get(keyOf(row.hour.getTime()));
    if (!bucket) continue;
    bucket.succeeded += row.succeeded;
    bucket.failed += row.failed;
  }

  const list: SuccessRateBucket[] = [...buckets.values()].map((b) => ({
    start: new Date(b.start).toISOString(),
    succeeded: b.succeeded,
    failed: b.failed,
    rate: rate(b.succeeded, b.failed),
  }));
  const succeeded = list.reduce((n, b) => n + b.succeeded, 0);
  const failed = list.reduce((n, b) => n + b.failed, 0);
  return { range, buckets: list, succeeded, failed, rate: rate(succeeded, failed) };
}
