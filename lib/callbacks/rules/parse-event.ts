import { z } from "zod";
import {
  apiEventTypes,
  callbackEventTypes,
  eventCatalogue,
  type CallbackEvent,
  type CallbackEventType,
  type EventEmitter,
} from "./event-catalogue";

/** What a caller (HR, training system, or OrgBridge itself) hands in. */
export type ParseEventInput = {
  /** Unique, stable id; retries of the same event must reuse it (becomes webhook-id). */
  id?: unknown;
  /** One of the catalogue's event types. */
  type?: unknown;
  /** When it happened (ISO 8601 with offset); defaults to `now`. */
  timestamp?: unknown;
  /** The type-specific payload. */
  data?: unknown;
};

/** One problem, with the dotted path of the offending field ("data.score"). */
export type EventIssue = { path: string; message: string };

/** A 422-style refusal: a route handler can return it as the body as it is. */
export type EventValidationError = {
  status: 422;
  code: "invalid_event";
  message: string;
  issues: EventIssue[];
};

export type ParseEventResult =
  { success: true; event: CallbackEvent } | { success: false; error: EventValidationError };

const envelopeSchema = z.object({
  id: z
    .string({ error: "id is required" })
    .trim()
    .min(1, "id is required")
    .max(255, "id must be at most 255 characters")
    .regex(/^[A-Za-z0-9._:\-]+$/, "id may only contain letters, digits and . _ : -"),
  type: z.enum(callbackEventTypes as [CallbackEventType, ...CallbackEventType[]], {
    error: (issue) =>
      issue.input === undefined
        ? "type is required"
        : `type "${String(issue.input)}" is unknown; expected one of ${callbackEventTypes.join(", ")}`,
  }),
  timestamp: z.iso
    .datetime({ offset: true, error: "timestamp must be an ISO 8601 date-time with offset" })
    .optional(),
  data: z.record(z.string(), z.unknown(), { error: "data must be an object" }),
});

const issuesOf = (error: z.ZodError, prefix: string[] = []): EventIssue[] =>
  error.issues.map((i) => ({
    path: [...prefix, ...i.path.map(String)].join("."),
    message: i.message,
  }));

/**
 * Validate an incoming event envelope and its type's data. An `api` emitter may only send the
 * catalogue's API-emittable types; the others describe what OrgBridge itself did and are refused
 * on `type`, so no token can fake a provisioning or a sync result. On failure every issue names its
 * field path (e.g. `data.score`), and the first one is repeated in `message`.
 */
export function parseEvent(
  input: ParseEventInput,
  now: Date = new Date(),
  emitter: EventEmitter = "internal",
): ParseEventResult {
  const envelope = envelopeSchema.safeParse(input ?? {});
  const issues: EventIssue[] = envelope.success ? [] : issuesOf(envelope.error);
  let data: unknown;
  if (
    envelope.success &&
    emitter === "api" &&
    eventCatalogue[envelope.data.type].emitter !== "api"
  ) {
    issues.push({
      path: "type",
      message: `type "${envelope.data.type}" is emitted by OrgBridge itself; the API accepts ${apiEventTypes.join(", ")}`,
    });
  } else if (envelope.success) {
    const parsed = eventCatalogue[envelope.data.type].data.safeParse(envelope.data.data);
    if (parsed.success) data = parsed.data;
    else issues.push(...issuesOf(parsed.error, ["data"]));
  }
  if (!envelope.success || issues.length > 0) {
    const first = issues[0];
    return {
      success: false,
      error: {
        status: 422,
        code: "invalid_event",
        message: `${first.path || "event"}: ${first.message}`,
        issues,
      },
    };
  }
  const { id, type, timestamp } = envelope.data;
  return {
    success: true,
    event: { id, type, timestamp: timestamp ?? now.toISOString(), data } as CallbackEvent,
  };
}
