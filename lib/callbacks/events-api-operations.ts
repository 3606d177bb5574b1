import { z } from "zod";
import { defineOperation, isoDateTime } from "@/lib/core/api/api-operation";
import { EVENT_BATCH_LIMIT } from "./event-batch-schema";

// The business-event intake of /api/v1. emitEvent validates each event against the event
// catalogue (its type's own data schema), so these schemas document the envelope.

const eventInput = z.object({
  id: z.string().max(128).optional().meta({
    description: "Your id for the event; a repeat from the same credential returns the original.",
  }),
  type: z.string().meta({ example: "learning.exam.passed" }),
  timestamp: z.string().optional().meta({ format: "date-time" }),
  data: z
    .record(z.string(), z.unknown())
    .meta({ description: "The type's payload (see the catalogue)." }),
});

const storedEvent = z.object({
  id: z.string(),
  type: z.string(),
  timestamp: isoDateTime,
  data: z.unknown(),
  receivedAt: isoDateTime,
  deliveries: z.number().int(),
  duplicate: z.literal(true).optional(),
});

const example = {
  id: "evt_42",
  type: "learning.exam.passed",
  timestamp: "2026-07-01T08:00:00+08:00",
  data: {
    employeeNo: "E1001",
    examId: "SEC-101",
    score: 92,
    passedAt: "2026-07-01T08:00:00+08:00",
  },
};

export const emitEventOperation = defineOperation({
  operationId: "emitEvent",
  method: "POST",
  path: "/events",
  tag: "Events",
  summary: "Send a business event to data callbacks",
  description:
    "New → 202 with how many deliveries started; an id this credential already sent → 200 with the stored original, nothing sent again. Unknown or internal-only type, or invalid data → 422 naming the field.",
  scope: "events:write",
  body: eventInput,
  bodyValidatedBy: "handler",
  responses: {
    202: { description: "Accepted; deliveries started.", schema: storedEvent },
    200: { description: "A repeat of an id already sent.", schema: storedEvent },
  },
  errors: [400, 413],
  example: { request: example },
});

const batchResult = z.object({
  index: z.number().int(),
  id: z.string().optional(),
  status: z.enum(["accepted", "duplicate", "error"]),
  deliveries: z.number().int().optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});

export const emitEventBatchOperation = defineOperation({
  operationId: "emitEventBatch",
  method: "POST",
  path: "/events/batch",
  tag: "Events",
  summary: `Send up to ${EVENT_BATCH_LIMIT} business events at once`,
  description:
    "One result per event, in order (accepted, duplicate or error naming the field); each event stands alone. More than 500 → 413, nothing stored.",
  scope: "events:write",
  body: z.object({ events: z.array(eventInput).min(1).max(EVENT_BATCH_LIMIT) }),
  bodyValidatedBy: "handler",
  responses: {
    200: {
      description: "Per-event outcomes.",
      schema: z.object({
        accepted: z.number().int(),
        duplicates: z.number().int(),
        errors: z.number().int(),
        results: z.array(batchResult),
      }),
    },
  },
  errors: [400, 413],
  example: { request: { events: [example] } },
});
