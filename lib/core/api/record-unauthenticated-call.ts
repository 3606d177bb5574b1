import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import { apiLogColumns, type ApiLogEntry } from "./api-log-columns";

/** Distinct client addresses logged per minute before the rest share one overflow row. */
export const MAX_UNAUTHENTICATED_ROWS_PER_MINUTE = 100;

const minuteOf = (now: Date) => new Date(Math.floor(now.getTime() / 60_000) * 60_000);
const keyFor = (ip: string | null, minute: Date) =>
  `unauth:${ip ?? "unknown"}:${minute.toISOString()}`;

/**
 * How many unauthenticated calls this client address made in the current minute so far (0 when
 * none): the rate limiter's read, before the token is even looked at.
 */
export async function unauthenticatedCallsThisMinute(
  ip: string | null,
  now = new Date(),
): Promise<number> {
  const row = await db.apiRequestLog.findUnique({
    where: { aggregateKey: keyFor(ip, minuteOf(now)) },
    select: { count: true },
  });
  return row?.count ?? 0;
}

/**
 * Logs an unauthenticated call by counting it: one row per client address per minute (the first
 * call's bodies, the latest status, `count` calls), in PostgreSQL so every instance shares the
 * count. Once MAX_UNAUTHENTICATED_ROWS_PER_MINUTE addresses have a row this minute (spoofed or
 * many sources), further addresses share one overflow row, so a flood adds a bounded number of
 * rows. Returns the count for the row it landed in, which the caller rate-limits on.
 */
export async function recordUnauthenticatedCall(
  entry: ApiLogEntry,
  now = new Date(),
): Promise<number> {
  const minute = minuteOf(now);
  const columns = apiLogColumns(entry);
  const bump = (key: string, ip: string | null) =>
    db.$queryRaw<{ count: number }[]>`
      INSERT INTO "ApiRequestLog" ("id", "tokenId", "method", "route", "status", "latencyMs",
        "errorCode", "requestBody", "responseBody", "ip", "requestId", "aggregateKey", "count",
        "createdAt")
      VALUES (${randomUUID()}, NULL, ${columns.method}, ${columns.route}, ${columns.status},
        ${columns.latencyMs}, ${columns.errorCode}, ${columns.requestBody}, ${columns.responseBody},
        ${ip}, ${columns.requestId}, ${key}, 1, ${now})
      ON CONFLICT ("aggregateKey") DO UPDATE SET
        "count" = "ApiRequestLog"."count" + 1,
        "status" = EXCLUDED."status",
        "errorCode" = EXCLUDED."errorCode",
        "latencyMs" = EXCLUDED."latencyMs",
        "requestId" = EXCLUDED."requestId"
      RETURNING "count"`;
  try {
    const key = keyFor(columns.ip, minute);
    const existing = await db.apiRequestLog.count({ where: { aggregateKey: key } });
    if (existing === 0) {
      const addresses = await db.apiRequestLog.count({
        where: { aggregateKey: { startsWith: "unauth:" }, createdAt: { gte: minute } },
      });
      if (addresses >= MAX_UNAUTHENTICATED_ROWS_PER_MINUTE) {
        const [row] = await bump(`unauth:overflow:${minute.toISOString()}`, null);
        return row.count;
      }
    }
    const [row] = await bump(key, columns.ip);
    return row.count;
  } catch (err) {
    console.error(`[api ${entry.requestId}] could not count an unauthenticated call`, err);
    return 0;
  }
}
