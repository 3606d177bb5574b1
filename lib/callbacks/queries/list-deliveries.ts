import { db } from "@/lib/core/db";
import {
  DELIVERIES_PAGE_SIZE,
  type DeliveryFilter,
  type DeliveryStatusName,
} from "../callback-console-schemas";

export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatusName;
  attemptCount: number;
  lastStatusCode: number | null;
  /** Latency of the newest attempt. */
  latencyMs: number | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
};

/**
 * One page of an endpoint's deliveries, newest first, filtered by status and event type: by page
 * number (the console) or, given `cursor` (a delivery id, "" for the first page), the `pageSize`
 * deliveries after it (the API), `nextCursor` saying where to go on.
 */
export async function listDeliveries(
  endpointId: string,
  filter: Pick<DeliveryFilter, "status" | "type" | "page"> & { cursor?: string },
  pageSize = DELIVERIES_PAGE_SIZE,
) {
  const where = {
    endpointId,
    status: filter.status,
    event: filter.type ? { type: filter.type } : undefined,
  };
  const keyset = filter.cursor !== undefined;
  const after = filter.cursor
    ? await db.callbackDelivery.findFirst({
        where: { id: filter.cursor, endpointId },
        select: { id: true, createdAt: true },
      })
    : null;
  const total = await db.callbackDelivery.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = keyset ? 1 : Math.min(filter.page, pages);
  const found = await db.callbackDelivery.findMany({
    where: after
      ? {
          ...where,
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }
      : filter.cursor
        ? { id: "" }
        : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: keyset ? 0 : (page - 1) * pageSize,
    take: keyset ? pageSize + 1 : pageSize,
    select: {
      id: true,
      eventId: true,
      status: true,
      attemptCount: true,
      lastStatusCode: true,
      nextAttemptAt: true,
      createdAt: true,
      completedAt: true,
      event: { select: { type: true } },
      attempts: { orderBy: { attempt: "desc" }, take: 1, select: { latencyMs: true } },
    },
  });
  const rows: DeliveryRow[] = found.slice(0, pageSize).map(({ event, attempts, ...d }) => ({
    ...d,
    eventType: event.type,
    latencyMs: attempts[0]?.latencyMs ?? null,
  }));
  const nextCursor = keyset && found.length > pageSize ? rows[rows.length - 1].id : null;
  return { rows, total, page, pages, pageSize, nextCursor };
}

export type DeliveryPage = Awaited<ReturnType<typeof listDeliveries>>;
