import { z } from "zod";
import { defineOperation, isoDateTime, pageOf, pageQuery } from "@/lib/core/api/api-operation";
import {
  CONFLICT_STATUSES,
  CONFLICT_TYPES,
  RESOLUTION_KINDS,
  resolveDecisionSchema,
} from "./conflict-queue-schemas";

const conflict = z.object({
  id: z.string(),
  type: z.string(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  runId: z.string().nullable(),
  subjectType: z.string(),
  subjectKey: z.string(),
  hrValue: z.unknown(),
  imValue: z.unknown(),
  detail: z.string().nullable(),
  status: z.enum(CONFLICT_STATUSES),
  resolution: z.enum(RESOLUTION_KINDS).nullable(),
  note: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  occurrences: z.number().int(),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
});

export const listConflictsOperation = defineOperation({
  operationId: "listConflicts",
  method: "GET",
  path: "/conflicts",
  tag: "Conflicts",
  summary: "The conflict queue, most recently seen first",
  scope: "conflicts:read",
  query: pageQuery.extend({
    status: z.enum([...CONFLICT_STATUSES, "ALL"]).default("OPEN"),
    type: z.enum(CONFLICT_TYPES).optional(),
    connectionId: z.string().min(1).max(64).optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Subject or detail contains." }),
  }),
  responses: {
    200: {
      description: "A page of conflicts.",
      schema: pageOf(conflict).extend({ total: z.number().int() }),
    },
  },
  example: { query: "?status=OPEN&type=duplicate_contact" },
});

export const getConflictOperation = defineOperation({
  operationId: "getConflict",
  method: "GET",
  path: "/conflicts/{id}",
  tag: "Conflicts",
  summary: "One conflict",
  scope: "conflicts:read",
  params: z.object({ id: z.string().min(1).max(64) }),
  responses: { 200: { description: "The conflict.", schema: conflict } },
  errors: [404],
});

export const resolveConflictOperation = defineOperation({
  operationId: "resolveConflict",
  method: "POST",
  path: "/conflicts/{id}/resolve",
  tag: "Conflicts",
  summary: "Resolve one conflict: keep HR, keep IM, a custom value, or ignore (with a note)",
  description:
    "Same rules as the console's queue. A deletion_threshold conflict (a held destructive run) is refused with 409: a person approves or rejects it in the console.",
  scope: "conflicts:write",
  params: z.object({ id: z.string().min(1).max(64) }),
  body: resolveDecisionSchema,
  responses: {
    200: { description: "Resolved.", schema: z.object({ resolved: z.number().int() }) },
  },
  errors: [404, 409],
  example: { request: { resolution: "KEEP_HR", note: "HR is the source of truth" } },
});
