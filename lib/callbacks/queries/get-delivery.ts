import { db } from "@/lib/core/db";

const asHeaders = (value: unknown): Record<string, string> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) as Record<
        string,
        string
      >)
    : {};

/**
 * One delivery of an endpoint with its event and every attempt, oldest attempt first. Request
 * headers were masked before they were stored; response bodies are the first 4 KB.
 */
export async function getDelivery(endpointId: string, deliveryId: string) {
  const delivery = await db.callbackDelivery.findFirst({
    where: { id: deliveryId, endpointId },
    select: {
      id: true,
      endpointId: true,
      status: true,
      attemptCount: true,
      lastStatusCode: true,
      nextAttemptAt: true,
      createdAt: true,
      completedAt: true,
      event: { select: { id: true, type: true, data: true, source: true, occurredAt: true } },
      attempts: {
        orderBy: { attempt: "asc" },
        select: {
          id: true,
          attempt: true,
          requestHeaders: true,
          statusCode: true,
          responseHeaders: true,
          responseExcerpt: true,
          error: true,
          latencyMs: true,
          createdAt: true,
        },
      },
    },
  });
  if (!delivery) return null;
  return {
    ...delivery,
    attempts: delivery.attempts.map((a) => ({
      ...a,
      requestHeaders: asHeaders(a.requestHeaders),
      responseHeaders: a.responseHeaders ? asHeaders(a.responseHeaders) : null,
    })),
  };
}

export type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
