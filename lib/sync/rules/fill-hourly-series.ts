import type { HourlyChanges } from "../sync-run-schemas";

const HOUR_MS = 3_600_000;

export type FillHourlySeriesOptions = {
  /** Any instant in the last hour to show (usually now); the series ends with that hour. */
  end: Date;
  /** How many hours the series covers, the last one included. */
  hours: number;
};

/**
 * The hours of a chart, oldest first, each with its counts or zeros: the database only returns hours that
 * had runs, and a chart that skips quiet hours would draw busy ones side by side. Buckets outside the
 * window are dropped; two buckets for one hour (one per IM target) are added up.
 */
export function fillHourlySeries(
  buckets: readonly HourlyChanges[],
  { end, hours }: FillHourlySeriesOptions,
): HourlyChanges[] {
  const last = Math.floor(end.getTime() / HOUR_MS) * HOUR_MS;
  const first = last - (hours - 1) * HOUR_MS;
  const series: HourlyChanges[] = Array.from({ length: Math.max(0, hours) }, (_, i) => ({
    hour: new Date(first + i * HOUR_MS).toISOString(),
    applied: 0,
    failed: 0,
    skipped: 0,
    conflicts: 0,
  }));
  for (const b of buckets) {
    const at = new Date(b.hour).getTime();
    const i = (Math.floor(at / HOUR_MS) * HOUR_MS - first) / HOUR_MS;
    if (!Number.isInteger(i) || i < 0 || i >= series.length) continue;
    const slot = series[i];
    slot.applied += b.applied;
    slot.failed += b.failed;
    slot.skipped += b.skipped;
    slot.conflicts += b.conflicts;
  }
  return series;
}
