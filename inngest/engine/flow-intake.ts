import type { PoolClient } from "pg";
import { cancelRun } from "./cancel-run";
import type { EngineContext } from "./context";
import { matchesExpression } from "./expression";
import { flowKey, lockFlowKey, recordSkip, saveFlowKey } from "./flow-key";
import type { FnDef } from "./functions";
import { insertRun } from "./insert-run";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import type { ExecEvent } from "./types";

const IDEMPOTENCY_WINDOW_MS = 86_400_000;

/** True when the function needs more than a plain run per event. */
export function hasIntakeFlow(fn: FnDef): boolean {
  const f = fn.flow;
  return Boolean(
    f.rateLimit || f.debounce || f.batch || f.singleton || f.idempotency || f.timeouts,
  );
}

/**
 * One new event for one function with flow control, in the order Inngest applies it:
 * idempotency, rate limit, singleton, then debounce or batch or a plain start. Every
 * decision locks its `JobFlowKey` row first, so executors sharing the database agree.
 */
export async function applyIntakeFlow(
  ctx: EngineContext,
  c: PoolClient,
  fn: FnDef,
  evt: ExecEvent,
  jobs: NewJob[],
): Promise<void> {
  const { idempotency, rateLimit, singleton, debounce, batch } = fn.flow;
  const now = Date.now();
  if (idempotency !== undefined) {
    const key = flowKey(idempotency, evt);
    const row = await lockFlowKey(c, fn.id, "idempotency", key);
    if (row.firstAt !== null && now - row.firstAt < IDEMPOTENCY_WINDOW_MS)
      return recordSkip(c, fn.id, evt.id, "idempotent", key);
    await saveFlowKey(c, fn.id, "idempotency", key, { ...row, firstAt: now });
  }
  if (rateLimit) {
    // GCRA: each accepted event pushes the theoretical arrival time on by period/limit; an
    // event that would push it more than one period ahead is over the limit.
    const key = flowKey(rateLimit.key, evt);
    const row = await lockFlowKey(c, fn.id, "rate", key);
    const tat = Math.max(row.tat ?? 0, now) + rateLimit.periodMs / rateLimit.limit;
    if (tat - now > rateLimit.periodMs) return recordSkip(c, fn.id, evt.id, "rate-limited", key);
    await saveFlowKey(c, fn.id, "rate", key, { ...row, tat: Math.ceil(tat) });
  }
  let singletonKey: string | null = null;
  if (singleton) {
    singletonKey = flowKey(singleton.key, evt);
    const row = await lockFlowKey(c, fn.id, "singleton", singletonKey);
    if (row.runId && (await isLive(c, row.runId))) {
      if (singleton.mode === "skip") return recordSkip(c, fn.id, evt.id, "singleton", singletonKey);
      await cancelRun(ctx, c, row.runId, jobs);
    }
  }
  let runId: string;
  if (debounce) runId = await debounceEvent(c, fn, evt, now, jobs);
  else if (batch && matchesExpression(batch.if, { event: evt }))
    runId = await batchEvent(c, fn, evt, now, jobs);
  else runId = await insertRun(c, { fn, events: [evt] }, jobs);
  if (singletonKey !== null)
    await saveFlowKey(c, fn.id, "singleton", singletonKey, { runId, tat: null, firstAt: null });
}

async function isLive(c: PoolClient, runId: string): Promise<boolean> {
  const { rows } = await c.query<{ status: string }>(`SELECT status FROM "JobRun" WHERE id = $1`, [
    runId,
  ]);
  return rows.length > 0 && !["COMPLETED", "FAILED", "CANCELLED"].includes(rows[0].status);
}

/**
 * Debounce: the key's held run takes this event and starts a period later (never later than
 * `timeout` after the window opened). Bumping `seq` makes the earlier start job stale; a run
 * an executor already claimed is no longer QUEUED, so the event opens a new window.
 */
async function debounceEvent(
  c: PoolClient,
  fn: FnDef,
  evt: ExecEvent,
  now: number,
  jobs: NewJob[],
): Promise<string> {
  const { periodMs, timeoutMs, key: source } = fn.flow.debounce!;
  const key = flowKey(source, evt);
  const row = await lockFlowKey(c, fn.id, "debounce", key);
  if (row.runId && row.firstAt !== null) {
    const startAt = Math.min(now + periodMs, row.firstAt + (timeoutMs ?? Infinity));
    const { rows } = await c.query<{ seq: number }>(
      `UPDATE "JobRun" SET events = $2, "eventId" = $3, seq = seq + 1, "waitUntil" = $4, "updatedAt" = now()
       WHERE id = $1 AND status = 'QUEUED' AND "waitReason" = 'debouncing' RETURNING seq`,
      [row.runId, json([evt]), evt.id, new Date(startAt).toISOString()],
    );
    if (rows[0]) {
      jobs.push({
        data: { k: "call", runId: row.runId, stepId: "step", seq: rows[0].seq, attempt: 0 },
        startAfter: startAt,
      });
      return row.runId;
    }
  }
  const startAt = Math.min(now + periodMs, now + (timeoutMs ?? Infinity));
  const runId = await insertRun(c, { fn, events: [evt], waitReason: "debouncing", startAt }, jobs);
  await saveFlowKey(c, fn.id, "debounce", key, { runId, tat: null, firstAt: now });
  return runId;
}

/**
 * Batching: the key's open batch run takes the event; the batch starts when full (a new
 * start job at the next `seq`) or when its timeout job fires, whichever comes first.
 */
async function batchEvent(
  c: PoolClient,
  fn: FnDef,
  evt: ExecEvent,
  now: number,
  jobs: NewJob[],
): Promise<string> {
  const { maxSize, timeoutMs, key: source } = fn.flow.batch!;
  const key = flowKey(source, evt);
  const row = await lockFlowKey(c, fn.id, "batch", key);
  if (row.runId) {
    const { rows } = await c.query<{ n: number; seq: number }>(
      `UPDATE "JobRun" SET events = events || $2::jsonb, "updatedAt" = now(),
         seq = CASE WHEN jsonb_array_length(events) + 1 >= $3 THEN seq + 1 ELSE seq END,
         "waitReason" = CASE WHEN jsonb_array_length(events) + 1 >= $3 THEN NULL ELSE "waitReason" END
       WHERE id = $1 AND status = 'QUEUED' AND "waitReason" = 'batching' AND jsonb_array_length(events) < $3
       RETURNING jsonb_array_length(events) AS n, seq`,
      [row.runId, json([evt]), maxSize],
    );
    if (rows[0]) {
      if (rows[0].n >= maxSize)
        jobs.push({
          data: { k: "call", runId: row.runId, stepId: "step", seq: rows[0].seq, attempt: 0 },
        });
      return row.runId;
    }
  }
  const full = maxSize <= 1;
  const runId = await insertRun(
    c,
    full
      ? { fn, events: [evt] }
      : { fn, events: [evt], waitReason: "batching", startAt: now + timeoutMs },
    jobs,
  );
  await saveFlowKey(c, fn.id, "batch", key, { runId, tat: null, firstAt: now });
  return runId;
}
