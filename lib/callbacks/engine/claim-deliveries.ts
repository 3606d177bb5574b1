import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import type { ClaimedDelivery, DeliveryStatus } from "../delivery-types";
import { dateOf, msOf, tsParam } from "./sql-time";

type Row = {
  id: string;
  endpointId: string;
  eventId: string;
  status: DeliveryStatus;
  attemptCount: number;
  runAttempt: number;
  nextMs: number;
  leaseToken: string;
  leaseMs: number;
  type: string;
  occurredMs: number;
  data: unknown;
  enabled: boolean;
  failingMs: number | null;
  updatedMs: number;
  rateLimitPerSecond: number | null;
  maxRetries: number;
  retrySchedule: string;
};

// Columns every claim returns: the delivery, its event and the endpoint's hot fields (the
// endpoint's secrets and URL come from a cache keyed by updatedAt).
const RETURNING = `
  d.id, d."endpointId", d."eventId", d.status::text AS status, d."attemptCount", d."runAttempt",
  ${msOf('d."nextAttemptAt"')} AS "nextMs", d."leaseToken", ${msOf('d."leaseUntil"')} AS "leaseMs",
  ev.type, ${msOf('ev."occurredAt"')} AS "occurredMs", ev.data,
  ep.enabled, ${msOf('ep."failingSince"')} AS "failingMs", ${msOf('ep."updatedAt"')} AS "updatedMs",
  ep."rateLimitPerSecond", ep."maxRetries", ep."retrySchedule"`;

function toClaimed(r: Row): ClaimedDelivery {
  return {
    id: r.id,
    endpointId: r.endpointId,
    eventId: r.eventId,
    status: r.status,
    attemptCount: r.attemptCount,
    runAttempt: r.runAttempt,
    nextAttemptAt: new Date(r.nextMs),
    leaseToken: r.leaseToken,
    leaseUntil: new Date(r.leaseMs),
    event: { type: r.type, occurredAt: new Date(r.occurredMs), data: r.data },
    endpoint: {
      enabled: r.enabled,
      failingSince: dateOf(r.failingMs),
      updatedAt: new Date(r.updatedMs),
      rateLimitPerSecond: r.rateLimitPerSecond,
      maxRetries: r.maxRetries,
      retrySchedule: r.retrySchedule,
    },
  };
}

export type ClaimDueOptions = {
  /** Most deliveries to claim. */
  limit: number;
  /** Most deliveries of one endpoint in this claim (rate-limited endpoints: also at most a second's worth). */
  perEndpoint: number;
  /** How long the claim holds; past it another worker may take the delivery. */
  leaseMs: number;
  /** Endpoints to leave alone this time (this worker already has enough of theirs in flight). */
  skipEndpoints?: readonly string[];
  /** Only deliveries due at least this long ago (the cron sweeper, when a worker process runs). */
  overdueMs?: number;
  now?: Date;
};

/**
 * Claims due deliveries (PENDING/RETRYING, nextAttemptAt reached, no live lease) in due order
 * with FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same row; each gets a
 * fresh lease token, which every later write of this claim must match.
 */
export async function claimDueDeliveries(options: ClaimDueOptions): Promise<ClaimedDelivery[]> {
  const now = (options.now ?? new Date()).getTime();
  const token = randomUUID();
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH cand AS (
       SELECT d.id, d."endpointId", d."nextAttemptAt"
       FROM "CallbackDelivery" d
       WHERE d."nextAttemptAt" <= ${tsParam("$1")}
         AND d.status IN ('PENDING', 'RETRYING')
         AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${tsParam("$2")})
         AND NOT (d."endpointId" = ANY($3::text[]))
       ORDER BY d."nextAttemptAt"
       LIMIT $4
       FOR UPDATE OF d SKIP LOCKED
     ), picked AS (
       SELECT id FROM (
         SELECT c.id, e."rateLimitPerSecond" AS rate,
                row_number() OVER (PARTITION BY c."endpointId" ORDER BY c."nextAttemptAt") AS rn
         FROM cand c JOIN "CallbackEndpoint" e ON e.id = c."endpointId"
       ) ranked
       WHERE rn <= LEAST($5::int, COALESCE(rate, $5::int))
     )
     UPDATE "CallbackDelivery" d
     SET "leaseToken" = $6, "leaseUntil" = ${tsParam("$7")}
     FROM picked p, "CallbackEvent" ev, "CallbackEndpoint" ep
     WHERE d.id = p.id AND ev.id = d."eventId" AND ep.id = d."endpointId"
     RETURNING ${RETURNING}`,
    now - (options.overdueMs ?? 0),
    now,
    [...(options.skipEndpoints ?? [])],
    options.limit,
    options.perEndpoint,
    token,
    now + options.leaseMs,
  );
  return rows.map(toClaimed).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
}

/**
 * Claims one delivery by its ticket (`token` = the nextAttemptAt it was issued with), for
 * callers that drive a single delivery (tests, tools). Null when the ticket is stale, the
 * delivery finished, or a worker holds it.
 */
export async function claimDeliveryByTicket(options: {
  deliveryId: string;
  token: string;
  leaseMs: number;
  now?: Date;
}): Promise<ClaimedDelivery | null> {
  const now = (options.now ?? new Date()).getTime();
  const rows = await db.$queryRawUnsafe<Row[]>(
    `UPDATE "CallbackDelivery" d
     SET "leaseToken" = $1, "leaseUntil" = ${tsParam("$2")}
     FROM "CallbackEvent" ev, "CallbackEndpoint" ep
     WHERE d.id = $3 AND d."nextAttemptAt" = ${tsParam("$4")}
       AND d.status IN ('PENDING', 'RETRYING')
       AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${tsParam("$5")})
       AND ev.id = d."eventId" AND ep.id = d."endpointId"
     RETURNING ${RETURNING}`,
    randomUUID(),
    now + options.leaseMs,
    options.deliveryId,
    Date.parse(options.token),
    now,
  );
  return rows[0] ? toClaimed(rows[0]) : null;
}

/** The earliest future due time of any delivery, for the worker's wake-up timer. */
export async function nextDueAt(now = new Date()): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<{ ms: number | null }[]>(
    `SELECT ${msOf('d."nextAttemptAt"')} AS ms FROM "CallbackDelivery" d
     WHERE d."nextAttemptAt" > ${tsParam("$1")} AND d.status IN ('PENDING', 'RETRYING')
     ORDER BY d."nextAttemptAt" LIMIT 1`,
    now.getTime(),
  );
  return dateOf(rows[0]?.ms ?? null);
}
