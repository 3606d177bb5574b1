import type { PoolClient } from "pg";
import type { EngineContext } from "./context";
import { toJsonError } from "./errors";
import { ulid } from "./ids";
import { ingestEvents } from "./intake";
import { runEnded } from "./lifecycle-events";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import { FAILED_EVENT, PENDING, type ExecEvent, type RunRow } from "./types";

/** Ends a run COMPLETED or FAILED, cancels its pending steps, settles its invoker; emits the lifecycle events and, on failure, `inngest/function.failed`. */
export async function finishRun(
  ctx: EngineContext,
  c: PoolClient,
  run: RunRow,
  result: { output: unknown } | { error: unknown },
  jobs: NewJob[],
): Promise<void> {
  const failed = "error" in result;
  const error = failed ? toJsonError(result.error) : null;
  await c.query(
    `WITH r AS (
       UPDATE "JobRun" SET status = $2::"JobRunStatus", output = $3, error = $4, "endedAt" = clock_timestamp(), "updatedAt" = now(), inflight = 0
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
