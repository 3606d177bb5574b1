import type { PoolClient } from "pg";
import type { EngineContext } from "./context";
import { toJsonError } from "./errors";
import { ulid } from "./ids";
import { ingestEvents } from "./intake";
import { runEnded } from "./lifecycle-events";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import { FAILED_EVENT, PENDING, type ExecEvent, type RunRow } from "./types";
import { findUnstorableText } from "./unstorable-text";

/** A run's result as it can be stored: an output PostgreSQL cannot store fails the run, saying where. */
export function storableResult(
  result: { output: unknown } | { error: unknown },
): { output: unknown } | { error: unknown } {
  if (!("output" in result)) return result;
  const unstorable = findUnstorableText(result.output, "output");
  return unstorable ? { error: { name: "NonRetriableError", message: unstorable } } : result;
}

/** Ends a run COMPLETED or FAILED, cancels its pending steps, settles its invoker; emits the lifecycle events and, on failure, `inngest/function.failed`. */
export async function finishRun(
  ctx: EngineContext,
  c: PoolClient,
  run: RunRow,
  reported: { output: unknown } | { error: unknown },
  jobs: NewJob[],
): Promise<void> {
  const result = storableResult(reported);
  const failed = "error" in result;
  const error = failed ? toJsonError(result.error) : null;
  await c.query(
    `WITH r AS (
       UPDATE "JobRun" SET status = $2::"JobRunStatus", output = $3, error = $4, "endedAt" = clock_timestamp(), "updatedAt" = now(), inflight = 0,
         "waitReason" = NULL, "waitUntil" = NULL
       WHERE id = $1 RETURNING id)
     UPDATE "JobStep" SET status = 'cancelled', "endedAt" = now() WHERE "runId" IN (SELECT id FROM r) AND status = ANY($5::text[])`,
    [
      run.id,
      failed ? "FAILED" : "COMPLETED",
      failed ? null : json((result as { output: unknown }).output),
      error ? json(error) : null,
      PENDING,
    ],
  );
  run.status = failed ? "FAILED" : "COMPLETED";
  await runEnded(ctx, c, run, result, failed ? "failed" : "completed", jobs);
  if (failed) {
    // onFailure handlers are functions triggered by this event (expression: event.data.function_id == '<id>').
    const evt: ExecEvent = {
      id: ulid(),
      name: FAILED_EVENT,
      data: { function_id: run.functionId, run_id: run.id, error, event: run.events[0] },
      ts: Date.now(),
    };
    await ingestEvents(ctx, c, [evt], jobs);
  }
}

/**
 * A discovery request answered "done" (200, or RunComplete after checkpoints):
 * the run ends COMPLETED in one statement, without a lock round trip. The row
 * lock of the UPDATE re-checks that the run is live and still at `seq`; false
 * when it was not (ended or moved on meanwhile).
 */
export async function completeRunAtSeq(
  ctx: EngineContext,
  runId: string,
  seq: number,
  output: unknown,
): Promise<boolean> {
  const { rowCount } = await ctx.pool.query(
    `WITH r AS (
       UPDATE "JobRun" SET status = 'COMPLETED', output = $3, "endedAt" = clock_timestamp(), "updatedAt" = now(), inflight = 0,
         "waitReason" = NULL, "waitUntil" = NULL
       WHERE id = $1 AND seq = $2 AND status NOT IN ('COMPLETED','FAILED','CANCELLED') RETURNING id),
     s AS (UPDATE "JobStep" SET status = 'cancelled', "endedAt" = now() WHERE "runId" IN (SELECT id FROM r) AND status = ANY($4::text[]))
     SELECT id FROM r`,
    [runId, seq, json(output), PENDING],
  );
  return (rowCount ?? 0) > 0;
}
