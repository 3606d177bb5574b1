import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { localBucketStarts } from "@/lib/core/time/local-bucket-starts";
import { fillHourlySeries } from "../rules/fill-hourly-series";
import {
  ACTIVITY_RANGES,
  type HourlyChanges,
  type IncrementalHourRow,
  type SyncRunListInput,
  type SyncRunRow,
} from "../sync-run-schemas";
import { listChangesPerHour } from "./list-changes-per-hour";
import { listIncrementalHours } from "./list-incremental-hours";
import { listSyncRuns } from "./list-sync-runs";

export type SyncActivity = {
  /** The runs table: null on the incremental view before an hour is picked. */
  runs: { runs: SyncRunRow[] } | null;
  /** Incremental activity per hour and IM target: null when the filter leaves it out. */
  hours: IncrementalHourRow[] | null;
  /** Every hour of the range, oldest first. */
  chart: HourlyChanges[];
};

/**
 * What the sync runs page shows for a filter: full runs and dry runs as rows, incremental runs as hours
 * (with one hour's runs as rows on drill-down), and the changes per hour of the range. Hours are the
 * company time zone's, as the page shows them.
 */
export async function loadSyncActivity(
  input: SyncRunListInput,
  now: Date = new Date(),
): Promise<SyncActivity> {
  const hours = ACTIVITY_RANGES[input.range];
  const timeZone = await loadCompanyTimeZone();
  // The range starts on a local hour boundary so its first bar holds a whole hour.
  const [since] = localBucketStarts({ now, unit: "hour", count: hours, timeZone });
  const showsRuns = input.kind !== "INCREMENTAL" || input.hour !== undefined;
  const showsHours =
    input.hour === undefined && (input.kind === "all" || input.kind === "INCREMENTAL");
  const [runs, hourRows, perHour] = await Promise.all([
    showsRuns ? listSyncRuns(input) : null,
    showsHours ? listIncrementalHours({ since, connectionId: input.connection, timeZone }) : null,
    listChangesPerHour({ since, kind: input.kind, timeZone }),
  ]);
  return {
    runs,
    hours: hourRows,
    chart: fillHourlySeries(perHour, { end: now, hours, timeZone }),
  };
}
