import { withApi } from "@/lib/core/api/with-api";
import { emitEvents } from "@/lib/callbacks/commands/emit-events";
import { readEventBatch } from "@/lib/callbacks/event-batch-schema";

export const dynamic = "force-dynamic";

const field = (event: unknown, name: string) =>
  event && typeof event === "object" && !Array.isArray(event)
    ? (event as Record<string, unknown>)[name]
    : undefined;

/**
 * POST /api/v1/events/batch — up to 500 business events in one request (scope `events:write`).
 * Body `{"events": [{id, type, timestamp?, data}, …]}`. 200 with one result per event, in order:
 * `accepted` (with its deliveries), `duplicate` (this token already sent the id; nothing sent
 * again) or `error` naming the field, like a 207 Multi-Status; each event stands alone. More
 * than 500 → 413, nothing stored; no `events` array → 400.
 */
export const POST = withApi({ kind: "token", scope: "events:write" }, async ({ body, token }) => {
  const batch = readEventBatch(body);
  if ("status" in batch)
    return Response.json(
      { error: { code: batch.code, message: batch.message, field: batch.field } },
      { status: batch.status },
    );
  const outcomes = await emitEvents(
    batch.events.map((event) => ({
      id: (field(event, "id") ?? "") as string,
      type: field(event, "type") as string,
      timestamp: field(event, "timestamp") as string | undefined,
      data: field(event, "data"),
      source: `api:${token?.name ?? "token"}`,
      tokenId: token!.id,
    })),
  );
  const results = outcomes.map((o, index) => {
    if (o.status === "accepted")
      return {
        index,
        id: o.event.scopedId,
        status: "accepted" as const,
        deliveries: o.deliveries,
      };
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
  return Response.json({
    accepted: count("accepted"),
    duplicates: count("duplicate"),
    errors: count("error"),
    results,
  });
});
