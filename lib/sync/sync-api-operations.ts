import { z } from "zod";
import { provisionRequestSchema, provisionResultSchema } from "./provision-schemas";
import { defineOperation, isoDateTime, pageOf, pageQuery } from "@/lib/core/api/api-operation";
import { requestSyncSchema, SYNC_STATUSES } from "./sync-run-schemas";

const run = z.object({
  id: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  kind: z.enum(["FULL", "INCREMENTAL", "RECONCILE", "DRY_RUN"]),
  trigger: z.string().meta({ description: "cron, manual:<requester id>, webhook:<event id>" }),
  requestedBy: z.string().nullable(),
  status: z.enum(SYNC_STATUSES),
  planned: z.number().int(),
  applied: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.number().int(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  durationMs: z.number().int().nullable(),
});

export const listSyncRunsOperation = defineOperation({
  operationId: "listSyncRuns",
  method: "GET",
  path: "/sync-runs",
  tag: "Sync runs",
  summary: "Sync runs, newest first",
  scope: "sync:read",
  query: pageQuery.extend({
    limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size." }),
    status: z.enum(SYNC_STATUSES).optional(),
    connectionId: z.string().min(1).max(64).optional().meta({ description: "An IM target's id." }),
  }),
  responses: { 200: { description: "A page of runs.", schema: pageOf(run) } },
  example: { query: "?status=SUCCEEDED&limit=20" },
});

export const getSyncRunOperation = defineOperation({
  operationId: "getSyncRun",
  method: "GET",
  path: "/sync-runs/{id}",
  tag: "Sync runs",
  summary: "One sync run with the conflicts it raised (first 200)",
  scope: "sync:read",
  params: z.object({ id: z.string().min(1).max(64) }),
  responses: {
    200: {
      description: "The run.",
      schema: z.object({
        id: z.string(),
        connectionId: z.string(),
        connection: z.object({ name: z.string(), kind: z.string() }),
        kind: z.string(),
        trigger: z.string(),
        requestedBy: z.string().nullable(),
        status: z.enum(SYNC_STATUSES),
        planned: z.number().int(),
        applied: z.number().int(),
        failed: z.number().int(),
        skipped: z.number().int(),
        conflicts: z.number().int(),
        summary: z.record(z.string(), z.unknown()).nullable(),
        error: z.string().nullable(),
        approvedBy: z.string().nullable(),
        approvedAt: isoDateTime.nullable(),
        startedAt: isoDateTime,
        finishedAt: isoDateTime.nullable(),
        conflictList: z.array(
          z.object({
            id: z.string(),
            type: z.string(),
            subjectType: z.string(),
            subjectKey: z.string(),
            detail: z.string().nullable(),
            status: z.string(),
            resolution: z.string().nullable(),
            occurrences: z.number().int(),
          }),
        ),
        conflictTotal: z.number().int(),
        held: z
          .object({
            disables: z.number().int(),
            deletes: z.number().int(),
            limit: z.number().int().nullable(),
            conflictId: z.string().nullable(),
          })
          .nullable()
          .meta({ description: "Set while the run awaits approval in the console." }),
      }),
    },
  },
  errors: [404],
});

export const requestSyncOperation = defineOperation({
  operationId: "requestSync",
  method: "POST",
  path: "/sync-runs",
  tag: "Sync runs",
  summary: "Start a full sync or a dry run of one IM target",
  description:
    "Same rules as the console: the target must be enabled and an HR source must exist; a run that would disable or delete more than the deletion threshold is held for a person to approve in the console (the API cannot approve it). The run appears in the list once the engine plans it.",
  scope: "sync:write",
  body: requestSyncSchema,
  responses: {
    202: {
      description: "Requested.",
      schema: z.object({ eventId: z.string(), dryRun: z.boolean() }),
    },
  },
  errors: [404, 409],
  example: { request: { connectionId: "cm…", dryRun: true } },
});

export const provisionEmployeeOperation = defineOperation({
  operationId: "provisionEmployee",
  method: "POST",
  path: "/employees/{employeeNo}/provision",
  tag: "Employees",
  summary: "Provision one employee on demand: dry run with a trace, or apply now",
  description:
    "Plans the employee against one IM target (`connectionId`) or every enabled target with a mapping, with the same planner as a sync. `trace` lists each rule applied (effective date, scoping, mapping, privacy, attribute authority); `calls` the IM calls applying makes, empty when the employee is already in sync. With `dryRun: false` the calls are made now as an incremental sync run (trigger `provision:<caller>`), audited.",
  scope: "provision:write",
  params: z.object({ employeeNo: z.string().min(1).max(64) }),
  body: provisionRequestSchema,
  responses: { 200: { description: "The trace and the calls.", schema: provisionResultSchema } },
  errors: [404],
  example: { request: { dryRun: true } },
});
