import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import { db } from "@/lib/core/db";
import { bucketSuccessRate } from "../rules/bucket-success-rate";
import type { SuccessRateRange, SuccessRateSeries } from "../callback-console-schemas";

const HOUR = 3_600_000;

export type GetSuccessRateOptions = {
  /** The endpoint whose attempts count. */
  endpointId: string;
  /** Last 24 hours by hour, or last 7 days by day. */
  range: SuccessRateRange;
  /** End of the range. Default now. */
  now?: Date;
  /** Where days start. Default the company time zone. */
  timeZone?: string;
};

/**
 * Succeeded vs failed attempts of one endpoint per hour (24 h) or per day (7 d). The database
 * only groups by hour; days are cut in the company's time zone by `bucketSuccessRate`.
 */
export async function getSuccessRate(options: GetSuccessRateOptions): Promise<SuccessRateSeries> {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? (await loadCompanyTimeZone());
  // 8 days back covers 7 local days in any zone; the bucketing drops what falls outside.
  const since = new Date(now.getTime() - (options.range === "24h" ? 24 : 8 * 24) * HOUR);
  const rows = await db.$queryRaw<{ hour: Date; succeeded: number; failed: number }[]>`
    SELECT date_trunc('hour', a."createdAt") AS hour,
           count(*) FILTER (WHERE a."statusCode" BETWEEN 200 AND 299)::int AS succeeded,
           count(*) FILTER (WHERE a."statusCode" IS NULL OR a."statusCode" NOT BETWEEN 200 AND 299)::int AS failed
      FROM "CallbackAttempt" a
      JOIN "CallbackDelivery" d ON d.id = a."deliveryId"
     WHERE d."endpointId" = ${options.endpointId} AND a."createdAt" >= ${since} AND a."createdAt" <= ${now}
     GROUP BY 1`;
  return bucketSuccessRate({ hours: rows, range: options.range, now, timeZone });
}
