import { randomUUID } from "node:crypto";
import { parseEvent } from "@/lib/callbacks/rules/parse-event";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dispatchAfterCommit, type DeliveryTicket } from "../engine/dispatch-deliveries";
import { msOf, tsParam } from "../engine/sql-time";
import {
  EventRejectedError,
  type EmitEventInput,
  type StoredCallbackEvent,
} from "../event-intake-types";

/** What became of one event of a batch. */
export type EmitOutcome =
  | {
      status: "accepted";
      event: StoredCallbackEvent;
      /** Deliveries created, one per enabled subscribed endpoint. */
      deliveries: number;
      tickets: DeliveryTicket[];
    }
  /** This emitter already sent the id (earlier, or earlier in this batch): nothing was written. */
  | { status: "duplicate"; scopedId: string }
  /** Failed the catalogue: nothing was written for it. */
  | { status: "rejected"; error: EventRejectedError };

type Valid = {
  index: number;
  scope: string;
  scopedId: string;
  /** Used as the webhook-id when another scope already holds scopedId. */
  altId: string;
  type: string;
  data: unknown;
  source: string;
  occurredMs: number;
  onlyEndpointId: string | null;
};

type Row = {
  kind: "event" | "delivery" | "duplicate";
  id: string;
  scope: string | null;
  scopedId: string | null;
  type: string | null;
  data: unknown;
  source: string | null;
  occurredMs: number | null;
  createdMs: number | null;
  endpointId: string | null;
  eventId: string | null;
};

type Runner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

// One statement for the whole batch: skip ids this emitter already stored, insert the rest (a
// webhook-id another scope holds gets the emitter's id with a "~uuid" suffix, as emitEvent did)
// and fan each out to its endpoints. No NOTIFY in it: PostgreSQL serialises the commits of
// notifying transactions, which capped concurrent intake at one commit (one WAL flush) at a time.
const STORE_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    idx int, scope text, scoped_id text, alt_id text, type text, data jsonb, source text,
    occurred_ms float8, only_endpoint text)
), fresh AS (
  SELECT i.*, CASE WHEN EXISTS (SELECT 1 FROM "CallbackEvent" t WHERE t.id = i.scoped_id)
                   THEN i.alt_id ELSE i.scoped_id END AS gid
  FROM input i
  WHERE NOT EXISTS (
    SELECT 1 FROM "CallbackEvent" e WHERE e.scope = i.scope AND e."scopedId" = i.scoped_id)
), ins AS (
  INSERT INTO "CallbackEvent" (id, scope, "scopedId", type, data, source, "occurredAt", "createdAt")
  SELECT gid, scope, scoped_id, type, data, source, ${tsParam("occurred_ms")}, ${tsParam("$2")}
  FROM fresh
  ON CONFLICT DO NOTHING
  RETURNING id, scope, "scopedId", type, data, source, "occurredAt", "createdAt"
), dels AS (
  INSERT INTO "CallbackDelivery" (id, "endpointId", "eventId", "nextAttemptAt")
  SELECT 'cd' || replace(gen_random_uuid()::text, '-', ''), ep.id, ins.id, ${tsParam("$2")}
  FROM ins
  JOIN fresh f ON f.gid = ins.id
  JOIN "CallbackEndpoint" ep ON CASE WHEN f.only_endpoint IS NULL
                                     THEN ep.enabled AND ins.type = ANY(ep."eventTypes")
                                     ELSE ep.id = f.only_endpoint END
  RETURNING id, "endpointId", "eventId"
), dup AS (
  SELECT i.scope, i.scoped_id FROM input i
  WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.idx = i.idx)
)
SELECT 'event' AS kind, id, scope, "scopedId", type, data, source,
       ${msOf('"occurredAt"')} AS "occurredMs", ${msOf('"createdAt"')} AS "createdMs",
       NULL::text AS "endpointId", NULL::text AS "eventId"
FROM ins
UNION ALL
SELECT 'delivery', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "endpointId", "eventId" FROM dels
UNION ALL
SELECT 'duplicate', '', scope, scoped_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM dup`;

async function store(run: Runner, valid: Valid[], now: Date) {
  const rows = await run.$queryRawUnsafe<Row[]>(
    STORE_SQL,
    JSON.stringify(
      valid.map((v) => ({
        idx: v.index,
        scope: v.scope,
        scoped_id: v.scopedId,
        alt_id: v.altId,
        type: v.type,
        data: v.data,
        source: v.source,
        occurred_ms: v.occurredMs,
        only_endpoint: v.onlyEndpointId,
      })),
    ),
    now.getTime(),
  );
  const events = new Map<string, StoredCallbackEvent>(); // by scope + scopedId
  const duplicates = new Set<string>(); // scope + scopedId this emitter had already stored
  const byEventId = new Map<string, { deliveryId: string; endpointId: string }[]>();
  for (const r of rows) {
    if (r.kind === "event")
      events.set(`${r.scope}\n${r.scopedId}`, {
        id: r.id,
        scope: r.scope!,
        scopedId: r.scopedId!,
        type: r.type!,
        data: r.data as Prisma.JsonValue,
        source: r.source!,
        occurredAt: new Date(r.occurredMs!),
        createdAt: new Date(r.createdMs!),
      });
    else if (r.kind === "duplicate") duplicates.add(`${r.scope}\n${r.scopedId}`);
    else if (r.kind === "delivery")
      byEventId.set(r.eventId!, [
        ...(byEventId.get(r.eventId!) ?? []),
        { deliveryId: r.id, endpointId: r.endpointId! },
      ]);
  }
  return { events, byEventId, duplicates };
}

/**
 * Validates and stores a batch of events in one round trip: each is checked against the
 * catalogue (a rejected one names its field and stores nothing), an id its emitter already sent
 * is a duplicate (per scope, as for emitEvent), and every new one is written with one delivery
 * per enabled subscribed endpoint, then the delivery workers are woken. Pass `tx` to write inside
 * a caller's transaction and hand the tickets to `dispatchAfterCommit` after it commits. The
 * result has one entry per input, in order.
 */
export async function emitEvents(
  inputs: readonly EmitEventInput[],
  tx?: Prisma.TransactionClient,
): Promise<EmitOutcome[]> {
  const now = new Date();
  const out: (EmitOutcome | null)[] = inputs.map(() => null);
  const valid: Valid[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const parsed = parseEvent(
      {
        id: input.id ?? `evt_${randomUUID()}`,
        type: input.type,
        timestamp: input.timestamp,
        data: input.data,
      },
      now,
      input.tokenId ? "api" : "internal",
    );
    if (!parsed.success) {
      out[index] = {
        status: "rejected",
        error: new EventRejectedError(parsed.error.issues, parsed.error.message),
      };
      return;
    }
    const { event } = parsed;
    const scope = input.tokenId ? `token:${input.tokenId}` : "internal";
    if (seen.has(`${scope}\n${event.id}`)) {
      out[index] = { status: "duplicate", scopedId: event.id };
      return;
    }
    seen.add(`${scope}\n${event.id}`);
    valid.push({
      index,
      scope,
      scopedId: event.id,
      // "~" is not allowed in emitters' ids, so this can never be confused with one.
      altId: `${event.id}~${randomUUID()}`,
      type: event.type,
      data: event.data,
      source: input.source,
      occurredMs: Date.parse(event.timestamp),
      onlyEndpointId: input.onlyEndpointId ?? null,
    });
  });

  let pending = valid;
  // A second pass only for events that raced another writer (ON CONFLICT skipped them): it sees
  // what that writer committed and answers duplicate, or takes the suffixed id.
  for (let pass = 0; pass < 2 && pending.length > 0; pass++) {
    const { events, byEventId, duplicates } = await store(tx ?? db, pending, now);
    const missed: Valid[] = [];
    for (const v of pending) {
      const key = `${v.scope}\n${v.scopedId}`;
      const stored = events.get(key);
      if (stored) {
        const deliveries = byEventId.get(stored.id) ?? [];
        out[v.index] = {
          status: "accepted",
          event: stored,
          deliveries: deliveries.length,
          tickets: deliveries.map((d) => ({ ...d, token: now.toISOString() })),
        };
      } else if (duplicates.has(key) || pass === 1) {
        out[v.index] = { status: "duplicate", scopedId: v.scopedId };
      } else missed.push(v);
    }
    pending = missed;
  }
  if (!tx)
    await dispatchAfterCommit(out.flatMap((o) => (o?.status === "accepted" ? o.tickets : [])));
  return out as EmitOutcome[];
}
