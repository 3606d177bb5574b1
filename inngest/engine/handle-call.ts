import { applyOps } from "./apply-ops";
import { callApp, type AppAnswer } from "./call-app";
import {
  acquireSlots,
  dropWaiter,
  keepLease,
  queueOrder,
  releaseSlots,
  requestLeaseId,
} from "./concurrency";
import type { EngineContext } from "./context";
import { toJsonError } from "./errors";
import { INVOKED_EVENT } from "./invoke";
import { FINISHED_EVENT } from "./lifecycle-events";
import { completeRunAtSeq, finishRun, storableResult } from "./finish-run";
import { requestFailed } from "./request-failed";
import { lockRun } from "./run-state";
import { TERMINAL, type CallJob, type JsonError, type Op, type RunRow } from "./types";

/** A queued `call` job: claim the run or step, respect concurrency, call the app, apply its answer. */
export async function handleCall(ctx: EngineContext, job: CallJob): Promise<void> {
  const discovery = job.stepId === "step";
  // Claim: the run (discovery, at this seq) or the planned step (at this attempt); stale jobs drop out here.
  const claim = discovery
    ? await ctx.pool.query<RunRow>(
        `UPDATE "JobRun" SET status = 'RUNNING', attempt = $3, "updatedAt" = now(),
           "waitReason" = CASE WHEN "waitReason" IN ('throttled','debouncing','batching') THEN NULL ELSE "waitReason" END,
           "waitUntil" = CASE WHEN "waitReason" IN ('throttled','debouncing','batching') THEN NULL ELSE "waitUntil" END
         WHERE id = $1 AND seq = $2 AND status NOT IN ('COMPLETED','FAILED','CANCELLED')
         RETURNING id, "functionId", status, seq, attempt, "maxAttempts", events, "concurrencyKey",
           extract(epoch FROM "startedAt") * 1000 AS "startedMs"`,
        [job.runId, job.seq, job.attempt],
      )
    : await ctx.pool.query<RunRow>(
        `WITH s AS (
           UPDATE "JobStep" SET status = 'running' WHERE "runId" = $1 AND "hashedId" = $2 AND attempt = $3 AND status IN ('planned','running') RETURNING "runId")
         SELECT r.id, r."functionId", r.status, r.seq, r.attempt, r."maxAttempts", r.events, r."concurrencyKey",
           extract(epoch FROM r."startedAt") * 1000 AS "startedMs"
         FROM "JobRun" r JOIN s ON s."runId" = r.id WHERE r.status NOT IN ('COMPLETED','FAILED','CANCELLED')`,
        [job.runId, job.stepId, job.attempt],
      );
  const run = claim.rows[0];
  if (!run) {
    if (job.w) await dropWaiter(ctx, job);
    return;
  }
  run.startedMs = Number(run.startedMs);
  const fn = await ctx.registry.get(run.functionId);
  if (!fn) {
    await ctx.tx(async (c, jobs) => {
      const locked = await lockRun(c, run.id);
      if (locked && !TERMINAL.has(locked.status))
        await finishRun(
          ctx,
          c,
          locked,
          { error: { name: "Error", message: `Function ${run.functionId} is not registered` } },
          jobs,
        );
    });
    return;
  }
  const limited = fn.flow.concurrency.length > 0;
  // Over a limit the request waits in its key's queue; it is woken when a slot frees.
  if (limited && (await acquireSlots(ctx, run, fn, job)) !== "go") return;
  const lease = limited ? keepLease(ctx, run.id, requestLeaseId(job)) : null;
  try {
    const answer = await callApp(ctx, run, fn, job);
    await applyAnswer(ctx, run.id, job, answer, quietEnd(ctx, run));
  } finally {
    lease?.stop();
    if (limited) await releaseSlots(ctx, run.id, requestLeaseId(job), queueOrder(fn, run));
  }
}

/** Moves the run on by the app's answer, unless the run ended or (discovery) moved on meanwhile. */
async function applyAnswer(
  ctx: EngineContext,
  runId: string,
  job: CallJob,
  answer: AppAnswer,
  quiet: boolean,
): Promise<void> {
  const { status, parsed, noRetry, retryAt } = answer;
  const discovery = job.stepId === "step";
  const answered =
    status === 200
      ? { output: parsed }
      : status === 206 &&
          Array.isArray(parsed) &&
          parsed.length === 1 &&
          parsed[0]?.op === "RunComplete"
        ? { output: (parsed[0] as Op).data ?? null }
        : null;
  const done = answered && storableResult(answered);
  // The common end of a run: one statement (a stale answer changes nothing, as below).
  if (quiet && discovery && done && "output" in done && job.seq !== undefined) {
    await completeRunAtSeq(ctx, runId, job.seq, done.output);
    return;
  }
  await ctx.tx(async (c, jobs) => {
    const locked = await lockRun(c, runId);
    if (!locked || TERMINAL.has(locked.status)) return;
    if (discovery && locked.seq !== job.seq) return; // someone else moved the run on meanwhile

    if (done && discovery) {
      await finishRun(ctx, c, locked, done, jobs);
      return;
    }
    if (status === 206 && Array.isArray(parsed)) {
      await applyOps(ctx, c, locked, parsed as Op[], job, noRetry, retryAt, jobs);
      return;
    }
    await requestFailed(ctx, c, locked, job, requestError(answer), noRetry, retryAt, jobs);
  });
}

/**
 * Whether the run's end concerns nobody else, so it may complete in one statement: it was not
 * started by `step.invoke` (its invoker waits to be settled) and no function listens for
 * `inngest/function.finished` (see runEnded).
 */
function quietEnd(ctx: EngineContext, run: RunRow): boolean {
  if (run.events[0]?.name === INVOKED_EVENT) return false;
  // By trigger name alone (a listener's `if` may hold for this run's data).
  for (const fn of ctx.registry.all())
    for (const t of fn.eventTriggers)
      if (
        t.event === FINISHED_EVENT ||
        (t.event.endsWith("*") && FINISHED_EVENT.startsWith(t.event.slice(0, -1)))
      )
        return false;
  return true;
}

/** Anything but a usable answer is an error of this request: connection refused, 5xx, 4xx, 200 to a step request. */
function requestError({ url, status, text, parsed, transportError }: AppAnswer): JsonError {
  if (transportError)
    return {
      name: "ConnectionError",
      message: `Request to ${url.origin}${url.pathname} failed: ${transportError}`,
    };
  if (status === 200) return { name: "Error", message: "The SDK answered 200 to a step request" };
  return toJsonError(
    parsed && typeof parsed === "object"
      ? parsed
      : { message: `HTTP ${status}: ${String(text).slice(0, 500)}` },
  );
}
