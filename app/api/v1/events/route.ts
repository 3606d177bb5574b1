import { withApi } from "@/lib/core/api/with-api";
import { emitEvent, EventRejectedError } from "@/lib/callbacks/commands/emit-event";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/events — a business event for data callbacks (scope `events:write`).
 * Body `{id, type, timestamp?, data}`. New → 202 with the id and how many deliveries were
 * started; an id this token already sent → 200 with its stored original, nothing sent again (ids
 * are per token: another token's same id is a separate event); unknown or internal-only type, or
 * invalid data → 422 naming the field, nothing stored.
 */
export const POST = withApi({ kind: "token", scope: "events:write" }, async ({ body, token }) => {
  const input =
    body && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  try {
    const result = await emitEvent({
      id: (input.id ?? "") as string,
      type: input.type as string,
      timestamp: input.timestamp as string | undefined,
      data: input.data,
      source: `api:${token?.name ?? "token"}`,
      tokenId: token!.id,
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
    return Response.json(result.created ? view : { ...view, duplicate: true }, {
      status: result.created ? 202 : 200,
    });
  } catch (error) {
    if (error instanceof EventRejectedError) {
      return Response.json(
        {
          error: {
            code: error.code,
            message: error.message,
            field: error.field,
            issues: error.issues,
          },
        },
        { status: 422 },
      );
    }
    throw error;
  }
});
