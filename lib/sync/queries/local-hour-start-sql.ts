import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL for the start of the hour of `timeZone`'s wall clock that a `timestamp` column (a UTC wall clock,
 * as Prisma stores DateTime) falls in, again as a UTC wall clock: in Asia/Kathmandu (+05:45) hours start
 * at :15 UTC, in India (+05:30) at :30. The local hour is moved back by the offset of the row's own
 * instant, so the hour repeated when DST ends stays two hours, as `localBucketStarts` draws them.
 */
export function localHourStartSql(column: Prisma.Sql, timeZone: string): Prisma.Sql {
  const local = Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}::text)`;
  return Prisma.sql`(date_trunc('hour', ${local}) - (${local} - ${column}))`;
}
