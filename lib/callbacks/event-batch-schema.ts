/** Most events one `POST /api/v1/events/batch` may carry; more is refused whole with 413. */
export const EVENT_BATCH_LIMIT = 500;

/** What the batch endpoint found wrong with the body as a whole (before looking at any event). */
export type EventBatchProblem =
  | { status: 400; code: "invalid_batch"; field: "events"; message: string }
  | { status: 413; code: "too_many_events"; field: "events"; message: string };

/** The `events` array of a batch body, or why there is none. */
export function readEventBatch(body: unknown): { events: unknown[] } | EventBatchProblem {
  const events =
    body && typeof body === "object" && !Array.isArray(body)
      ? (body as { events?: unknown }).events
      : undefined;
  if (!Array.isArray(events) || events.length === 0)
    return {
      status: 400,
      code: "invalid_batch",
      field: "events",
      message: 'The body must be {"events": [...]} with 1 to 500 events.',
    };
  if (events.length > EVENT_BATCH_LIMIT)
    return {
      status: 413,
      code: "too_many_events",
      field: "events",
      message: `At most ${EVENT_BATCH_LIMIT} events per batch (got ${events.length}); split it.`,
    };
  return { events };
}
