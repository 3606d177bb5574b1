import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncrementalHourRow } from "../sync-run-schemas";
import { localHourStartSql } from "./local-hour-start-sql";

export type ListIncrementalHoursOptions = {
  /** Hours starting at or after this instant. */
  since: Date;
  /** Only this IM target. */
  connectionId?: string;
  /** Hours are this zone's wall-clock hours (the company time zone). */
  timeZone: string;
};

/**
 * Incremental runs (one per HR push) added up per hour and IM target, newest hour first: what the runs
 * table would show as hundreds of one-change rows. Hours are the hours of `timeZone` (which start off
 * the UTC hour in zones such as Asia/Kathmandu), each given by the instant it starts. A (kind, startedAt)
 * index range scan.
 */
export async function listIncrementalHours(
  options: ListIncrementalHoursOptions,
): Promise<IncrementalHourRow[]> {
  const since = options.since.toISOString();
  const connectionId = options.connectionId ?? null;
  const rows = await db.$queryRaw<IncrementalHourRow[]>`
    SELECT to_char(h.hour, 'YYYY-MM-DD"T"HH24:MI:00.000"Z"') AS hour, h."connectionId", c.name AS "connectionName",
           h.runs, h.applied, h.failed, h.skipped, h.conflicts
    FROM (
      SELECT ${localHourStartSql(Prisma.sql`r."startedAt"`, options.timeZone)} AS hour, r."connectionId",
             count(*)::int AS runs, sum(r.applied)::int AS applied, sum(r.failed)::int AS failed,
             sum(r.skipped)::int AS skipped, sum(r.conflicts)::int AS conflicts
      FROM "SyncRun" r
      WHERE r.kind = 'INCREMENTAL' AND r."startedAt" >= ${since}::timestamptz AT TIME ZONE 'UTC'
        AND (${connectionId}::text IS NULL OR r."connectionId" = ${connectionId}::text)
      GROUP BY 1, 2
    ) h
    JOIN "Connection" c ON c.id = h."connectionId"
    ORDER BY h.hour DESC, c.name, h."connectionId"`;
  return rows;
}
