import type { PoolClient } from "pg";
import { parseDuration } from "./duration";
import type { EngineContext } from "./context";
import { toJsonError } from "./errors";
import { ulid } from "./ids";
import { insertRun } from "./insert-run";
import type { NewJob } from "./queue";
import { continueRun, lockRun, memoStep, pendingStep } from "./run-state";
import { json } from "./sql-values";
import { TERMINAL, type ExecEvent, type Op, type RunRow } from "./types";

export const INVOKED_EVENT = "inngest/function.invoked";

/** What the child's event carries back to its caller (Inngest puts it under data._inngest too). */
type InvokeMeta = { source_run_id: string; source_fn_id: string; invoke_step: string };

/** The error the SDK expects when an invoke outlives its `timeout` (as Inngest's executor sends it). */
export const INVOKE_TIMEOUT_ERROR = {
  name: "InngestInvokeTimeoutError",
  message: "Timed out waiting for invoked function to complete",
};

/**
 * `step.invoke`: the step waits (status `waiting`, no event name) while a child run of the
 * invoked function runs with the given data; its end settles the step, or the timeout does.
 */
export async function startInvoke(
  ctx: EngineContext,
  c: PoolClient,
  run: RunRow,
  op: Op,
  jobs: NewJob[],
): Promise<void> {
  const opts = (op.opts ?? {}) as { function_id?: unknown; payload?: unknown; timeout?: unknown };
  const fnId = typeof opts.function_id === "string" ? opts.function_id : "";
  const target = fnId ? await ctx.registry.get(fnId) : undefined;
  if (!target || target.refusal) {
    const why = target ? target.refusal : `function ${JSON.stringify(fnId)} is not registered`;
    const error = { name: "NonRetriableError", message: `step.invoke cannot start: ${why}` };
    await memoStep(c, run.id, { ...op, op: "StepRun", error }, "failed", 0);
    return;
  }
  const timeoutMs = typeof opts.timeout === "string" ? parseDuration(opts.timeout) : null;
  const wakeAt = timeoutMs === null ? null : Date.now() + timeoutMs;
  if (!(await pendingStep(c, run.id, op, "waiting", { wakeAt }))) return; // a repeat of the op
  const payload = (opts.payload ?? {}) as { data?: unknown; v?: unknown };
  const meta: InvokeMeta = {
    source_run_id: run.id,
    source_fn_id: run.functionId,
    invoke_step: op.id,
  };
  const data =
    payload.data && typeof payload.data === "object" && !Array.isArray(payload.data)
      ? (payload.data as Record<string, unknown>)
      : {};
  const evt: ExecEvent = {
    id: ulid(),
    name: INVOKED_EVENT,
    data: { ...data, _inngest: meta },
    ts: Date.now(),
    ...(typeof payload.v === "string" ? { v: payload.v } : {}),
  };
  await c.query(`INSERT INTO "JobEvent" (id, name, data, ts) VALUES ($1, $2, $3, $4)`, [
    evt.id,
    evt.name,
    json(evt.data),
    evt.ts,
  ]);
  await insertRun(c, { fn: target, events: [evt] }, jobs);
  if (wakeAt !== null)
    jobs.push({
      data: { k: "invoke-timeout", runId: run.id, hashedId: op.id },
      startAfter: wakeAt,
    });
}

/** A run ended: if it was invoked, its output or error settles the caller's step. */
export async function settleInvoker(
  c: PoolClient,
  child: { events: ExecEvent[] },
  outcome: { output: unknown } | { error: unknown },
  jobs: NewJob[],
): Promise<void> {
  const evt = child.events[0];
  if (evt?.name !== INVOKED_EVENT) return;
  const meta = (evt.data as { _inngest?: Partial<InvokeMeta> })._inngest;
  if (!meta?.source_run_id || !meta.invoke_step) return;
  await settleInvokeStep(c, meta.source_run_id, meta.invoke_step, outcome, jobs);
}

/** Completes (data) or fails (error) a waiting invoke step and moves its run on; no-op if it already moved. */
export async function settleInvokeStep(
  c: PoolClient,
  runId: string,
  hashedId: string,
  outcome: { output: unknown } | { error: unknown },
  jobs: NewJob[],
): Promise<void> {
  const run = await lockRun(c, runId);
  if (!run || TERMINAL.has(run.status)) return;
  const failed = "error" in outcome;
  const { rowCount } = await c.query(
    `UPDATE "JobStep" SET status = $3, data = $4, error = $5, "endedAt" = now(),
       seq = (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $1)
     WHERE "runId" = $1 AND "hashedId" = $2 AND op = 'InvokeFunction' AND status = 'waiting'`,
    [
      runId,
      hashedId,
      failed ? "failed" : "completed",
      failed ? null : json((outcome as { output: unknown }).output),
      failed ? json(toJsonError(outcome.error)) : null,
    ],
  );
  if (rowCount) await continueRun(c, run, jobs);
}
