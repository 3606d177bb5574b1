import { db } from "@/lib/core/db";

/** Send times granted to one endpoint, and where the next free slots would be. */
export type RateSlots = {
  endpointId: string;
  /** Epoch ms of the first slot (granted or not). */
  firstMs: number;
  /** Milliseconds between slots (rateSlotSpacing). */
  intervalMs: number;
  /** How many of the asked-for slots were granted, starting at firstMs. */
  granted: number;
};

// Rows exist from an endpoint's first reservation on; this process remembers which it created.
const known = new Set<string>();

/**
 * The per-endpoint rate limit, exact across every worker and app instance: a GCRA without
 * burst in PostgreSQL. Each endpoint's row holds the theoretical arrival time (TAT) of its next
 * send; one statement locks the rows, grants each endpoint up to `want` slots spaced
 * `intervalMs` apart that start no later than `now + horizonMs`, and moves the TAT past them.
 * A granted slot is used at its time or within rateSlotSpacing's tolerance after, never before,
 * so no 1-second window holds more than the limit, whoever sends.
 */
export async function reserveRateSlots(
  asks: readonly { endpointId: string; want: number; intervalMs: number }[],
  options: { now: Date; horizonMs: number },
): Promise<Map<string, RateSlots>> {
  const result = new Map<string, RateSlots>();
  if (asks.length === 0) return result;
  const fresh = asks.map((a) => a.endpointId).filter((id) => !known.has(id));
  if (fresh.length > 0) {
    await db.$executeRawUnsafe(
      `INSERT INTO "CallbackRateLimit" ("endpointId", "tatMs")
       SELECT id, 0 FROM unnest($1::text[]) AS u(id)
       WHERE EXISTS (SELECT 1 FROM "CallbackEndpoint" e WHERE e.id = u.id)
       ON CONFLICT ("endpointId") DO NOTHING`,
      fresh,
    );
    for (const id of fresh) known.add(id);
  }
  const now = options.now.getTime();
  const rows = await db.$queryRawUnsafe<
    { endpointId: string; firstMs: number; intervalMs: number; granted: number }[]
  >(
    `WITH u AS (
       SELECT * FROM unnest($1::text[], $2::int[], $3::float8[]) AS u(id, want, t)
     ), cur AS (
       SELECT r."endpointId" AS id, GREATEST(r."tatMs", $4::float8) AS s0, u.want, u.t
       FROM "CallbackRateLimit" r JOIN u ON u.id = r."endpointId"
       FOR UPDATE OF r
     ), g AS (
       SELECT id, s0, t,
              CASE WHEN s0 > $4::float8 + $5::float8 THEN 0
                   ELSE LEAST(want, floor(($4::float8 + $5::float8 - s0) / t)::int + 1) END AS granted
       FROM cur
     ), moved AS (
       UPDATE "CallbackRateLimit" r SET "tatMs" = g.s0 + g.granted * g.t
       FROM g WHERE r."endpointId" = g.id AND g.granted > 0
       RETURNING r."endpointId"
     )
     SELECT id AS "endpointId", s0 AS "firstMs", t AS "intervalMs", granted FROM g`,
    asks.map((a) => a.endpointId),
    asks.map((a) => a.want),
    asks.map((a) => a.intervalMs),
    now,
    options.horizonMs,
  );
  for (const r of rows) result.set(r.endpointId, r);
  return result;
}
