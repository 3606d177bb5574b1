import type { PoolClient } from "pg";
import { retryDelayMs } from "./backoff";
import type { EngineContext } from "./context";
import { finishRun } from "./finish-run";
import type { NewJob } from "./queue";
import { continueRun, memoStep } from "./run-state";
import { json } from "./sql-values";
import type { CallJob, JsonError, RunRow } from "./types";

/** A request failed as a whole: retry the same request with backoff, or fail the step/run. */
export async function requestFailed(
  ctx: EngineContext,
  c: PoolClient,
  run: RunRow,
  job: CallJob,
  error: JsonError,
  noRetry: boolean,
  retryAt: number | null,
  jobs: NewJob[],
): Promise<void> {
  const next = job.attempt + 1;
  const canRetry = !noRetry && next < run.maxAttempts;
  const startAfter =
    retryAt ?? Date.now() + retryDelayMs({ attempt: job.attempt, baseMs: ctx.retryBaseMs });
  if (job.stepId === "step") {
    if (!canRetry) return finishRun(ctx, c, run, { error }, jobs);
    const seq = run.seq + 1;
    await c.query(
      `UPDATE "JobRun" SET seq = $2, attempt = $3, error = $4, "updatedAt" = now() WHERE id = $1`,
      [run.id, seq, next, json(error)],
    );
    jobs.push({
      data: { k: "call", runId: run.id, stepId: "step", seq, attempt: next },
      startAfter,
    });
    return;
  }
  if (!canRetry) {
    await memoStep(c, run.id, { id: job.stepId, op: "StepFailed", error }, "failed", job.attempt);
    return continueRun(c, run, jobs);
  }
  await c.query(
    `UPDATE "JobStep" SET status = 'planned', attempt = $3, error = $4 WHERE "runId" = $1 AND "hashedId" = $2`,
    [run.id, job.stepId, next, json(error)],
  );
  jobs.push({
    data: { k: "call", runId: run.id, stepId: job.stepId, attempt: next },
    startAfter,
  });
}
