import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import type { DeliveryOutcome } from "../delivery-types";
import { summarizeStreaks } from "../rules/summarize-streaks";
import { tsParam } from "./sql-time";

export const SYSTEM_ACTOR = {
  type: "system" as const,
  id: "callback-delivery",
  name: "Callback delivery",
};

/** Under load, wait for a pooled connection rather than fail the batch. */
const HOT_TX = { maxWait: 10_000, timeout: 20_000 };

const ms = (d: Date | null) => (d ? d.getTime() : null);

/**
 * Writes a batch of outcomes in one transaction: one UPDATE of the deliveries and one INSERT of
 * their attempts (both via unnest), each delivery only while its row still holds this claim's
 * lease token — an outcome whose lease was lost is dropped whole, so no attempt is ever
 * recorded twice — then the endpoints' failing streaks, and the rare auto-disable (410, or
 * failing too long) with its system audit entry. Returns the outcomes that were written.
 */
export async function recordOutcomes(
  outcomes: readonly DeliveryOutcome[],
): Promise<DeliveryOutcome[]> {
  if (outcomes.length === 0) return [];
  const sent = outcomes.filter((o) => o.attempt);
  return db.$transaction(async (tx) => {
    const won = await tx.$queryRawUnsafe<{ id: string }[]>(
      `WITH u AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[],
                              $6::int[], $7::int[], $8::int[], $9::boolean[])
           AS u(id, tok, status, next_ms, done_ms, attempt_count, run_attempt, last_status, attempted)
       ), won AS (
         UPDATE "CallbackDelivery" d SET
           status = u.status::"CallbackDeliveryStatus",
           "nextAttemptAt" = ${tsParam("u.next_ms")},
           "completedAt" = CASE WHEN u.done_ms IS NULL THEN d."completedAt" ELSE ${tsParam("u.done_ms")} END,
           "attemptCount" = CASE WHEN u.attempted THEN u.attempt_count ELSE d."attemptCount" END,
           "runAttempt" = CASE WHEN u.attempted THEN u.run_attempt ELSE d."runAttempt" END,
           "lastStatusCode" = CASE WHEN u.attempted THEN u.last_status ELSE d."lastStatusCode" END,
           "leaseToken" = NULL,
           "leaseUntil" = NULL
         FROM u WHERE d.id = u.id AND d."leaseToken" = u.tok
         RETURNING d.id
       ), a AS (
         INSERT INTO "CallbackAttempt" (id, "deliveryId", attempt, "requestHeaders", "statusCode",
           "responseHeaders", "responseExcerpt", error, "latencyMs", "createdAt")
         SELECT a.id, a.delivery_id, a.attempt, a.request_headers::jsonb, a.status_code,
                a.response_headers::jsonb, a.excerpt, a.error, a.latency, ${tsParam("a.at_ms")}
         FROM unnest($10::text[], $11::text[], $12::int[], $13::text[], $14::int[], $15::text[],
                     $16::text[], $17::text[], $18::int[], $19::float8[])
           AS a(id, delivery_id, attempt, request_headers, status_code, response_headers, excerpt,
                error, latency, at_ms)
         WHERE a.delivery_id IN (SELECT id FROM won)
       )
       SELECT id FROM won`,
      outcomes.map((o) => o.deliveryId),
      outcomes.map((o) => o.leaseToken),
      outcomes.map((o) => o.status),
      outcomes.map((o) => ms(o.nextAttemptAt)),
      outcomes.map((o) => ms(o.completedAt)),
      outcomes.map((o) => o.attempt?.number ?? 0),
      outcomes.map((o) => o.attempt?.runAttempt ?? 0),
      outcomes.map((o) => o.attempt?.statusCode ?? null),
      outcomes.map((o) => o.attempt !== null),
      sent.map(() => randomUUID()),
      sent.map((o) => o.deliveryId),
      sent.map((o) => o.attempt!.number),
      sent.map((o) => JSON.stringify(o.attempt!.requestHeaders)),
      sent.map((o) => o.attempt!.statusCode),
      sent.map((o) =>
        o.attempt!.responseHeaders ? JSON.stringify(o.attempt!.responseHeaders) : null,
      ),
      sent.map((o) => o.attempt!.responseExcerpt),
      sent.map((o) => o.attempt!.error),
      sent.map((o) => o.attempt!.latencyMs),
      sent.map((o) => o.attempt!.finishedAt.getTime()),
    );
    const wonIds = new Set(won.map((w) => w.id));
    const written = outcomes.filter((o) => wonIds.has(o.deliveryId));

    const streaks = summarizeStreaks(written);
    if (streaks.length > 0)
      await tx.$executeRawUnsafe(
        `UPDATE "CallbackEndpoint" e SET "failingSince" = n.value
         FROM (
           SELECT u.id, CASE WHEN u.from_ms IS NULL THEN NULL::timestamp(3)
                             WHEN u.cleared THEN ${tsParam("u.from_ms")}
                             ELSE COALESCE(e2."failingSince", ${tsParam("u.from_ms")}) END AS value
           FROM unnest($1::text[], $2::boolean[], $3::float8[]) AS u(id, cleared, from_ms)
           JOIN "CallbackEndpoint" e2 ON e2.id = u.id
         ) n
         WHERE e.id = n.id AND e."failingSince" IS DISTINCT FROM n.value`,
        streaks.map((s) => s.endpointId),
        streaks.map((s) => s.cleared),
        streaks.map((s) => ms(s.failingFrom)),
      );

    for (const o of written) {
      if (!o.disable) continue;
      const reason =
        o.disable.reason === "gone"
          ? "gone: the receiver answered 410 Gone"
          : `failing: no successful delivery since ${o.disable.since.toISOString()}`;
      const off = await tx.callbackEndpoint.updateMany({
        where: { id: o.endpointId, enabled: true },
        data: {
          enabled: false,
          disabledKind: o.disable.reason === "gone" ? "GONE_410" : "AUTO_FAILING",
          disabledReason: reason,
        },
      });
      if (off.count === 0) continue;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "endpoint.auto_disabled",
        targetType: "callback_endpoint",
        targetId: o.endpointId,
        ...(o.disable.reason === "gone"
          ? {
              before: { enabled: true },
              after: {
                enabled: false,
                reason: "gone",
                deliveryId: o.deliveryId,
                eventId: o.eventId,
              },
            }
          : {
              before: { enabled: true, failingSince: o.disable.since },
              after: {
                enabled: false,
                reason: "failing",
                hours: o.disable.hours,
                deliveryId: o.deliveryId,
              },
            }),
      });
    }
    return written;
  }, HOT_TX);
}
