import { apiRoute, reply } from "@/lib/core/api/api-route";
import { emitEvent } from "@/lib/callbacks/commands/emit-event";
import { emitEventOperation } from "@/lib/callbacks/events-api-operations";

export const dynamic = "force-dynamic";

const field = (body: unknown, name: string) =>
  body && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;

/**
 * POST /api/v1/events — see emitEventOperation. Event ids are per credential: another token's or
 * client's same id is a separate event. EventRejectedError (422 naming the field) passes through.
 */
export const POST = apiRoute(emitEventOperation, async ({ input, token }) => {
  const result = await emitEvent({
    id: (field(input, "id") ?? "") as string,
    type: field(input, "type") as string,
    timestamp: field(input, "timestamp") as string | undefined,
    data: field(input, "data"),
    source: `api:${token.name}`,
    tokenId: token.id,
  });
  const { event } = result;
  const view = {
    id: event.scopedId,
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: event.data,
    receivedAt: event.createdAt.toISOString(),
    deliveries: result.deliveries,
  };
  return result.created ? reply(202, view) : reply(200, { ...view, duplicate: true });
});
