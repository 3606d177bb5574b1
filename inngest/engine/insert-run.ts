import type { PoolClient } from "pg";
import type { FnDef } from "./functions";
import { ulid } from "./ids";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import { firstConcurrencyKey, queueRunStarts } from "./start-runs";
import type { ExecEvent } from "./types";

/** A run to start now, or held QUEUED (debouncing, batching) until `startAt`. */
export interface NewRun {
  fn: FnDef;
  events: ExecEvent[];
  waitReason?: string;
  startAt?: number;
  rerunOf?: string;
}

/**
 * Inserts one run and queues its first discovery request (at `startAt` when held, else at its
 * throttle slot), plus the
 * check of its `timeouts` when the function sets them.
 */
export async function insertRun(c: PoolClient, run: NewRun, jobs: NewJob[]): Promise<string> {
  const id = ulid();
  const evt = run.events[0];
  const key = firstConcurrencyKey(run.fn, evt);
  await c.query(
    `INSERT INTO "JobRun" (id, "functionId", "eventId", "eventName", events, "maxAttempts", "concurrencyKey", "rerunOf", seq, "waitReason", "waitUntil", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, now())`,
    [
      id,
      run.fn.id,
      evt.id,
      evt.name,
      json(run.events),
      run.fn.maxAttempts,
      key,
      run.rerunOf ?? null,
      run.waitReason ?? null,
      run.startAt ? new Date(run.startAt).toISOString() : null,
    ],
  );
  // A held run (debounce, batch) starts when its wait ends; any other goes through the throttle.
  if (run.startAt)
    jobs.push({
      data: { k: "call", runId: id, stepId: "step", seq: 1, attempt: 0 },
      startAfter: run.startAt,
    });
  else await queueRunStarts(c, [{ id, fn: run.fn, evt, key }], jobs);
  queueTimeoutCheck(run.fn, id, run.startAt ?? Date.now(), jobs);
  return id;
}

/** Queues the first `timeouts` check of a run that becomes due at `dueAt`. */
export function queueTimeoutCheck(fn: FnDef, runId: string, dueAt: number, jobs: NewJob[]): void {
  const t = fn.flow.timeouts;
  const first = Math.min(t?.startMs ?? Infinity, t?.finishMs ?? Infinity);
  if (Number.isFinite(first))
    jobs.push({ data: { k: "timeout", runId }, startAfter: dueAt + first });
}
