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

/** One page of an endpoint's deliveries, newest first, filtered by status and event type. */
export async function listDeliveries(
  endpointId: string,
  filter: Pick<DeliveryFilter, "status" | "type" | "page">,
  pageSize = DELIVERIES_PAGE_SIZE,
) {
  const where = {
    endpointId,
    status: filter.status,
    event: filter.type ? { type: filter.type } : undefined,
  };
  const total = await db.callbackDelivery.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const found = await db.callbackDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
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
  const rows: DeliveryRow[] = found.map(({ event, attempts, ...d }) => ({
    ...d,
    eventType: event.type,
    latencyMs: attempts[0]?.latencyMs ?? null,
  }));
  return { rows, total, page, pages, pageSize };
}

export type DeliveryPage = Awaited<ReturnType<typeof listDeliveries>>;
