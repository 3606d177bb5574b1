import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { SYNC_KINDS, type HourlyChanges, type SyncKindFilter } from "../sync-run-schemas";
import { localHourStartSql } from "./local-hour-start-sql";

export type ListChangesPerHourOptions = {
  /** Hours starting at or after this instant. */
  since: Date;
  /** "all": every kind of run. */
  kind: SyncKindFilter;
  /** Hours are this zone's wall-clock hours (the company time zone). */
  timeZone: string;
};

/**
 * Changes per hour of `timeZone` over every IM target, for the chart. A run's counts go to the hour it started in:
 * a full sync that runs past the hour is drawn in its first hour, which reads the counts kept on the
 * run rather than every change row. Only hours with runs are returned (fillHourlySeries adds the rest).
 */
export async function listChangesPerHour(
  options: ListChangesPerHourOptions,
): Promise<HourlyChanges[]> {
  const since = options.since.toISOString();
  // Every kind spelled out rather than no condition: it lets the (kind, startedAt) index serve the range.
  const kinds: string[] = options.kind === "all" ? [...SYNC_KINDS] : [options.kind];
  return db.$queryRaw<HourlyChanges[]>`
    SELECT to_char(${localHourStartSql(Prisma.sql`r."startedAt"`, options.timeZone)}, 'YYYY-MM-DD"T"HH24:MI:00.000"Z"') AS hour,
           sum(r.applied)::int AS applied, sum(r.failed)::int AS failed,
           sum(r.skipped)::int AS skipped, sum(r.conflicts)::int AS conflicts
    FROM "SyncRun" r
    WHERE r."startedAt" >= ${since}::timestamptz AT TIME ZONE 'UTC'
      AND r.kind = ANY(${kinds}::"SyncKind"[])
    GROUP BY 1
    ORDER BY 1`;
}
