import { apiRoute } from "@/lib/core/api/api-route";
import { AppError } from "@/lib/core/errors";
import { emitEvents } from "@/lib/callbacks/commands/emit-events";
import { readEventBatch } from "@/lib/callbacks/event-batch-schema";
import { emitEventBatchOperation } from "@/lib/callbacks/events-api-operations";

export const dynamic = "force-dynamic";

const field = (event: unknown, name: string) =>
  event && typeof event === "object" && !Array.isArray(event)
    ? (event as Record<string, unknown>)[name]
    : undefined;

/** POST /api/v1/events/batch — see emitEventBatchOperation; like a 207 Multi-Status. */
export const POST = apiRoute(emitEventBatchOperation, async ({ input, token }) => {
  const batch = readEventBatch(input);
  if ("status" in batch) throw new AppError(batch.status, batch.code, batch.message, batch.field);
  const outcomes = await emitEvents(
    batch.events.map((event) => ({
      id: (field(event, "id") ?? "") as string,
      type: field(event, "type") as string,
      timestamp: field(event, "timestamp") as string | undefined,
      data: field(event, "data"),
      source: `api:${token.name}`,
      tokenId: token.id,
    })),
  );
  const results = outcomes.map((o, index) => {
    if (o.status === "accepted")
      return { index, id: o.event.scopedId, status: "accepted" as const, deliveries: o.deliveries };
    if (o.status === "duplicate") return { index, id: o.scopedId, status: "duplicate" as const };
    const id = field(batch.events[index], "id");
    return {
      index,
      ...(typeof id === "string" ? { id } : {}),
      status: "error" as const,
      error: {
        code: o.error.code,
        message: o.error.message,
        field: o.error.field,
        issues: o.error.issues,
      },
    };
  });
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    accepted: count("accepted"),
    duplicates: count("duplicate"),
    errors: count("error"),
    results,
  };
});
