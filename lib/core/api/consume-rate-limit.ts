import { db as appDb, type Db } from "@/lib/core/db";

export type RateLimitState = {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
  allowed: boolean;
};

/**
 * Counts one request against `key` in the current one-minute window, in PostgreSQL: one atomic
 * upsert, so every app instance shares the count and two racing requests can never both take the
 * last slot. The window follows the database's clock, not the instance's, so instances with
 * drifting clocks agree on when it starts. Refused requests count too: a client hammering past
 * its limit gets no free slots back.
 */
export async function consumeRateLimit(
  key: string,
  limit: number,
  client: Pick<Db, "$queryRaw"> = appDb,
): Promise<RateLimitState> {
  const [row] = await client.$queryRaw<{ count: number; reset_ms: number }[]>`
    INSERT INTO "ApiRateWindow" ("key", "windowStart", "count")
    VALUES (${key}, date_trunc('minute', clock_timestamp()), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "ApiRateWindow"."windowStart" = EXCLUDED."windowStart"
                     THEN "ApiRateWindow"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count",
      (EXTRACT(EPOCH FROM ("windowStart" + interval '1 minute' - clock_timestamp())) * 1000)::float8
        AS reset_ms`;
  return {
    limit,
    remaining: Math.max(0, limit - row.count),
    resetSeconds: Math.max(1, Math.ceil(row.reset_ms / 1000)),
    allowed: row.count <= limit,
  };
}
