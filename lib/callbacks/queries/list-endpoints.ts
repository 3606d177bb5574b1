import { db } from "@/lib/core/db";
import type { DeliveryStatusName, DisabledKind } from "../callback-console-schemas";
import { disabledKind } from "../rules/disabled-kind";

const DAY = 86_400_000;

export type EndpointRow = {
  id: string;
  name: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  /** Off by an admin, by the engine after continuous failure, or after a 410. */
  disabledKind: DisabledKind | null;
  failingSince: Date | null;
  /** Attempts in the last 24 h. */
  succeeded24h: number;
  failed24h: number;
  /** Newest delivery: when it was created and where it stands. */
  lastDelivery: { at: Date; status: DeliveryStatusName; eventType: string } | null;
  createdAt: Date;
};

/** Every endpoint with its 24-hour attempt counts and newest delivery, oldest endpoint first. */
export async function listEndpoints(now = new Date()): Promise<EndpointRow[]> {
  const since = new Date(now.getTime() - DAY);
  const [endpoints, counts, latest] = await Promise.all([
    db.callbackEndpoint.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        url: true,
        description: true,
        eventTypes: true,
        enabled: true,
        disabledReason: true,
        disabledKind: true,
        failingSince: true,
        createdAt: true,
      },
    }),
    db.$queryRaw<{ endpointId: string; succeeded: number; failed: number }[]>`
      SELECT d."endpointId",
             count(*) FILTER (WHERE a."statusCode" BETWEEN 200 AND 299)::int AS succeeded,
             count(*) FILTER (WHERE a."statusCode" IS NULL OR a."statusCode" NOT BETWEEN 200 AND 299)::int AS failed
        FROM "CallbackAttempt" a
        JOIN "CallbackDelivery" d ON d.id = a."deliveryId"
       WHERE a."createdAt" >= ${since}
       GROUP BY d."endpointId"`,
    db.$queryRaw<
      { endpointId: string; createdAt: Date; status: DeliveryStatusName; type: string }[]
    >`
      SELECT e.id AS "endpointId", l."createdAt", l.status::text AS status, l.type
        FROM "CallbackEndpoint" e
        CROSS JOIN LATERAL (
          SELECT d."createdAt", d.status, ev.type
            FROM "CallbackDelivery" d
            JOIN "CallbackEvent" ev ON ev.id = d."eventId"
           WHERE d."endpointId" = e.id
           ORDER BY d."createdAt" DESC, d.id DESC
           LIMIT 1
        ) l`,
  ]);
  const countOf = new Map(counts.map((c) => [c.endpointId, c]));
  const latestOf = new Map(latest.map((l) => [l.endpointId, l]));
  return endpoints.map((e) => {
    const c = countOf.get(e.id);
    const l = latestOf.get(e.id);
    return {
      ...e,
      disabledKind: disabledKind(e),
      succeeded24h: c?.succeeded ?? 0,
      failed24h: c?.failed ?? 0,
      lastDelivery: l ? { at: l.createdAt, status: l.status, eventType: l.type } : null,
    };
  });
}
