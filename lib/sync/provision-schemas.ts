import { z } from "zod";
import { TRACE_RULES } from "./rules/provision-trace-types";

/** The body of a provision-on-demand request (console and API). */
export const provisionRequestSchema = z
  .object({
    dryRun: z.boolean({ error: "must be true or false" }),
    /** One IM target; absent = every enabled IM target with a mapping. */
    connectionId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ProvisionRequest = z.infer<typeof provisionRequestSchema>;

const traceEntry = z.object({
  connectionId: z.string(),
  rule: z.enum(TRACE_RULES),
  outcome: z.string(),
  field: z.string().optional(),
  detail: z.record(z.string(), z.string()).optional(),
});

const imCall = z.object({
  connectionId: z.string(),
  op: z.string().meta({ example: "account.create" }),
  method: z.string().meta({ example: "createUser" }),
  payload: z.record(z.string(), z.unknown()),
});

/** What a provision request answers: the trace and the IM calls, per IM target. */
export const provisionResultSchema = z.object({
  employeeNo: z.string(),
  dryRun: z.boolean(),
  targets: z.array(z.object({ connectionId: z.string(), name: z.string(), platform: z.string() })),
  trace: z.array(traceEntry),
  calls: z.array(imCall),
  /** Apply only: the incremental sync run made per target that had calls. */
  runs: z.array(
    z.object({
      connectionId: z.string(),
      runId: z.string(),
      status: z.string(),
      applied: z.number().int(),
      failed: z.number().int(),
    }),
  ),
});
export type ProvisionResult = z.infer<typeof provisionResultSchema>;
