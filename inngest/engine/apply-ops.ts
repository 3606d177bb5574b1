import type { PoolClient } from "pg";
import { retryDelayMs } from "./backoff";
import type { EngineContext } from "./context";
import { parseDuration, resolveWakeAt } from "./duration";
import { toJsonError } from "./errors";
import { finishRun } from "./finish-run";
import { startInvoke } from "./invoke";
import { rowId } from "./ids";
import type { NewJob } from "./queue";
import { continueRun, memoStep, pendingStep } from "./run-state";
import { json } from "./sql-values";
import type { CallJob, Op, RunRow } from "./types";
import { findUnstorableStep, storableStepName } from "./unstorable-text";

const UNSUPPORTED_OPS = new Set(["AIGateway", "Gateway", "WaitForSignal"]);

/** Applies the opcodes of a 206 answer to the run (memoise, retry, plan, sleep, wait, complete). */
export async function applyOps(
  ctx: EngineContext,
  c: PoolClient,
  run: RunRow,
  ops: Op[],
  job: CallJob,
  noRetry: boolean,
  retryAt: number | null,
  jobs: NewJob[],
): Promise<void> {
  const now = Date.now();
  for (const op of ops) {
    // PostgreSQL cannot store it (NUL, a lone surrogate): the step fails for good, saying where.
    const unstorable = op.op === "RunComplete" ? null : findUnstorableStep(op);
    if (unstorable) {
      await memoStep(
        c,
        run.id,
        {
          id: op.id,
          op: "StepRun",
          name: storableStepName(op),
          error: { name: "NonRetriableError", message: unstorable },
        },
        "failed",
        job.stepId === op.id ? job.attempt : 0,
      );
      continue;
    }
    switch (op.op) {
      case "StepRun":
      case "Step":
        await memoStep(c, run.id, op, "completed", job.stepId === op.id ? job.attempt : 0);
        break;
      case "StepError":
      case "StepFailed": {
        const attempt = job.stepId === op.id ? job.attempt : 0;
        const next = attempt + 1;
        if (op.op === "StepError" && !noRetry && next < run.maxAttempts) {
          const error = toJsonError(op.error);
          await c.query(
            `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, attempt, error)
             VALUES ($1, $2, $3, $4, 'StepRun', 'planned', $5, $6)
             ON CONFLICT ("runId", "hashedId") DO UPDATE SET status = 'planned', attempt = $5, error = $6`,
            [rowId(), run.id, op.id, op.displayName ?? op.name ?? op.id, next, json(error)],
          );
          jobs.push({
            data: { k: "call", runId: run.id, stepId: op.id, attempt: next },
            startAfter: retryAt ?? now + retryDelayMs({ attempt, baseMs: ctx.retryBaseMs }),
          });
        } else {
          await memoStep(c, run.id, { ...op, op: "StepRun" }, "failed", attempt);
        }
        break;
      }
      case "StepPlanned":
        if (await pendingStep(c, run.id, op, "planned"))
          jobs.push({ data: { k: "call", runId: run.id, stepId: op.id, attempt: 0 } });
        break;
      case "Sleep": {
        const wakeAt = resolveWakeAt(op.name ?? "", now) ?? now;
        if (await pendingStep(c, run.id, op, "sleeping", { wakeAt }))
          jobs.push({ data: { k: "wake", runId: run.id, hashedId: op.id }, startAfter: wakeAt });
        break;
      }
      case "WaitForEvent": {
        const timeout = parseDuration(String(op.opts?.timeout ?? "")) ?? 7 * 86_400_000;
        const wakeAt = now + timeout;
        const waitIf = typeof op.opts?.if === "string" ? op.opts.if : null;
        if (await pendingStep(c, run.id, op, "waiting", { waitEvent: op.name, waitIf, wakeAt }))
          jobs.push({ data: { k: "wake", runId: run.id, hashedId: op.id }, startAfter: wakeAt });
        break;
      }
      case "InvokeFunction":
        await startInvoke(ctx, c, run, op, jobs);
        break;
      case "RunComplete":
        return finishRun(ctx, c, run, { output: op.data ?? null }, jobs);
      case "DiscoveryRequest":
      case "DeferAdd":
      case "DeferAbort":
        break;
      default: {
        const why = UNSUPPORTED_OPS.has(op.op)
          ? "is not supported by the embedded executor"
          : "is unknown to the embedded executor";
        await memoStep(
          c,
          run.id,
          { ...op, error: { name: "NonRetriableError", message: `Step op ${op.op} ${why}` } },
          "failed",
          0,
        );
      }
    }
  }
  if (job.stepId !== "step") {
    // A step request finished; when a retry of it was queued the step is pending again.
    const { rows } = await c.query<{ status: string }>(
      `SELECT status FROM "JobStep" WHERE "runId" = $1 AND "hashedId" = $2`,
      [run.id, job.stepId],
    );
    if (rows[0]?.status === "running")
      await c.query(
        `UPDATE "JobStep" SET status = 'planned' WHERE "runId" = $1 AND "hashedId" = $2`,
        [run.id, job.stepId],
      );
  }
  await continueRun(c, run, jobs);
}
