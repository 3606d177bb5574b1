import type { PoolClient } from "pg";
import type { EngineContext } from "./context";
import { evaluateKey, evaluateValue } from "./expression";
import { concurrencyScopeKey, prioritySeconds } from "./flow-config";
import type { FnDef } from "./functions";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import type { CallJob, RunRow } from "./types";

/**
 * A crashed executor's slots stop counting after this long. A request renews its lease while it
 * runs ({@link keepLease}), so a long request keeps its slot; a 5-minute lease left every
 * waiter of the key (e.g. an IM target's syncs) stalled for 5 minutes after a crash.
 */
const LEASE_SECONDS = 60;

/** The lease of a request's slots, in seconds (ExecutorOptions.leaseSeconds, for tests). */
const leaseSeconds = (ctx: EngineContext) => ctx.opts.leaseSeconds ?? LEASE_SECONDS;
/** Held requests are woken by the release of a slot; this re-check only covers expired leases. */
const RECHECK_MS = 15_000;

type Verdict = "go" | "held" | "stale";

/**
 * The lease of one request. A run's next request (discovery at the next seq, a step's retry) may
 * be claimed by another executor before this one has released: keyed by step alone, that request
 * would refresh this very lease row and the release would then delete the live lease of the
 * successor — one request in flight no longer counted, and a limit of 2 let a third through.
 */
export function requestLeaseId(job: Pick<CallJob, "stepId" | "seq" | "attempt">): string {
  return `${job.stepId}#${job.seq ?? ""}:${job.attempt}`;
}

/** The scope keys of a run's concurrency limits, with each limit. */
function slotKeys(fn: FnDef, run: RunRow): { key: string; limit: number }[] {
  const vars = { event: run.events[0] };
  const keys = fn.flow.concurrency.map((l) => ({
    key: concurrencyScopeKey(fn.id, l, l.key ? evaluateKey(l.key, vars) : null),
    limit: l.limit,
  }));
  return keys.sort((a, b) => a.key.localeCompare(b.key)); // one lock order for everyone
}

/** When the run counts as enqueued: its start minus its priority (Inngest's "as if enqueued N s earlier"). */
export function queueOrder(fn: FnDef, run: RunRow): Date {
  const priority = fn.flow.priority
    ? prioritySeconds(evaluateValue(fn.flow.priority, { event: run.events[0] }))
    : 0;
  return new Date((run.startedMs ?? Date.now()) - priority * 1000);
}

/**
 * Takes a slot under every concurrency limit of the function for this request,
 * or queues the request behind the ones ahead of it (by {@link queueOrder}).
 * Serialised per scope key by an advisory lock, so limits hold across executors.
 * A held request is woken when a slot of its key is released; of the jobs that
 * may then exist for it (wake, re-check), only one passes: passing removes the
 * waiter rows they must find.
 */
export async function acquireSlots(
  ctx: EngineContext,
  run: RunRow,
  fn: FnDef,
  job: CallJob,
): Promise<Verdict> {
  const keys = slotKeys(fn, run);
  const token = `${job.seq ?? ""}:${job.attempt}`;
  const ord = queueOrder(fn, run);
  return ctx.tx(async (c, jobs) => {
    for (const { key } of keys)
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`flow:${key}`]);
    if (job.w) {
      const { rowCount } = await c.query(
        `SELECT 1 FROM "JobFlowWait" WHERE "runId" = $1 AND "stepId" = $2 AND token = $3 LIMIT 1`,
        [run.id, job.stepId, token],
      );
      if (!rowCount) return "stale"; // another job of this request got through first
    }
    const { rows } = await c.query<{ key: string; inflight: number; ahead: number }>(
      `SELECT k.key,
         (SELECT count(*) FROM "JobFlowLease" l WHERE l.key = k.key AND l."leaseUntil" > now()
            AND NOT (l."runId" = $2 AND l."stepId" = $5))::int AS inflight,
         (SELECT count(*) FROM "JobFlowWait" w JOIN "JobRun" r ON r.id = w."runId"
            WHERE w.key = k.key AND (w.ord, w."runId", w."stepId") < ($4::timestamptz, $2, $3)
              AND r.status NOT IN ('COMPLETED','FAILED','CANCELLED'))::int AS ahead
       FROM unnest($1::text[]) AS k(key)`,
      [keys.map((k) => k.key), run.id, job.stepId, ord.toISOString(), requestLeaseId(job)],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const blocked: { key: string; reason: "concurrency" | "priority" }[] = [];
    for (const { key, limit } of keys) {
      const r = byKey.get(key)!;
      if (r.inflight >= limit) blocked.push({ key, reason: "concurrency" });
      else if (r.inflight + r.ahead >= limit) blocked.push({ key, reason: "priority" });
    }
    if (!blocked.length) {
      await takeSlots(
        c,
        leaseSeconds(ctx),
        run.id,
        job.stepId,
        requestLeaseId(job),
        keys.map((k) => k.key),
      );
      // Room left after us: let the next waiter of that key try too (several slots may have freed at once).
      for (const { key, limit } of keys)
        if (byKey.get(key)!.inflight + 1 < limit) await wakeNext(c, key, run.id, jobs);
      return "go";
    }
    const left = await holdRequest(
      c,
      run,
      job,
      token,
      ord,
      blocked,
      keys.map((k) => k.key),
    );
    // Leaving a key's queue without taking its slot (a woken request now blocked on another key
    // only): the wake that brought us here was meant for that key's next waiter — pass it on.
    for (const key of left) await wakeNext(c, key, run.id, jobs);
    if (!job.w || job.fb)
      jobs.push({
        data: { ...job, w: 1, fb: 1 },
        startAfter: Date.now() + RECHECK_MS + Math.round(Math.random() * RECHECK_MS),
      });
    return "held";
  });
}

async function takeSlots(
  c: PoolClient,
  seconds: number,
  runId: string,
  stepId: string,
  leaseId: string,
  keys: string[],
) {
  await c.query(
    `WITH l AS (
       INSERT INTO "JobFlowLease" (key, "runId", "stepId", "leaseUntil")
       SELECT k, $2, $5, now() + make_interval(secs => $4) FROM unnest($1::text[]) k
       ON CONFLICT (key, "runId", "stepId") DO UPDATE SET "leaseUntil" = excluded."leaseUntil"),
     w AS (DELETE FROM "JobFlowWait" WHERE "runId" = $2 AND "stepId" = $3)
     UPDATE "JobRun" SET "waitReason" = NULL, "waitUntil" = NULL
     WHERE id = $2 AND "waitReason" IN ('concurrency','priority')`,
    [keys, runId, stepId, seconds, leaseId],
  );
}

async function holdRequest(
  c: PoolClient,
  run: RunRow,
  job: CallJob,
  token: string,
  ord: Date,
  blocked: { key: string; reason: string }[],
  allKeys: string[],
): Promise<string[]> {
  const waitJob = { ...job, w: 1 as const, fb: undefined };
  const free = allKeys.filter((k) => !blocked.some((b) => b.key === k));
  const firstStart = job.stepId === "step" && job.seq === 1 && job.attempt === 0;
  const { rows } = await c.query<{ key: string }>(
    `WITH ins AS (
       INSERT INTO "JobFlowWait" (key, "runId", "stepId", ord, token, job)
       SELECT k, $2, $3, $4, $5, $6 FROM unnest($1::text[]) k
       ON CONFLICT (key, "runId", "stepId") DO UPDATE SET ord = excluded.ord, token = excluded.token, job = excluded.job),
     del AS (DELETE FROM "JobFlowWait" WHERE "runId" = $2 AND "stepId" = $3 AND key = ANY($7::text[]) RETURNING key),
     upd AS (
       UPDATE "JobRun" SET "waitReason" = $8, "waitUntil" = NULL,
         status = CASE WHEN $9 THEN 'QUEUED'::"JobRunStatus" ELSE status END
       WHERE id = $2)
     SELECT key FROM del`,
    [
      blocked.map((b) => b.key),
      run.id,
      job.stepId,
      ord.toISOString(),
      token,
      json(waitJob),
      free,
      blocked.some((b) => b.reason === "concurrency") ? "concurrency" : "priority",
      firstStart,
    ],
  );
  return rows.map((r) => r.key);
}

/** Queues the earliest live waiter of `key` (other than `exceptRun`) to try again now. */
async function wakeNext(c: PoolClient, key: string, exceptRun: string, jobs: NewJob[]) {
  const { rows } = await c.query<{ job: CallJob }>(
    `SELECT w.job FROM "JobFlowWait" w JOIN "JobRun" r ON r.id = w."runId"
     WHERE w.key = $1 AND w."runId" <> $2 AND r.status NOT IN ('COMPLETED','FAILED','CANCELLED')
     ORDER BY w.ord, w."runId", w."stepId" LIMIT 1`,
    [key, exceptRun],
  );
  if (rows[0]) jobs.push({ data: { ...rows[0].job, w: 1 } });
}

/**
 * Gives back a request's slots and wakes the first waiter of each key. Takes the
 * keys' locks like {@link acquireSlots}: a hold that counted our lease either
 * committed its waiter row before we look, or runs after and sees the lease gone.
 */
export async function releaseSlots(
  ctx: EngineContext,
  runId: string,
  /** The request's lease ({@link requestLeaseId}). */
  leaseId: string,
  /** The run's place in its keys' queues ({@link queueOrder}). */
  ord: Date,
) {
  await ctx.tx(async (c, jobs) => {
    const { rows: held } = await c.query<{ key: string }>(
      `SELECT key FROM "JobFlowLease" WHERE "runId" = $1 AND "stepId" = $2 ORDER BY key`,
      [runId, leaseId],
    );
    if (!held.length) return;
    for (const { key } of held)
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`flow:${key}`]);
    // A run that goes on at once keeps its turn: its next request (a planned step, or the
    // discovery request queued when no step is pending) queues after this commit, ahead (by run
    // start) of waiters that came later, so one of those woken now would slip in between two
    // steps of the run (a full sync and an incremental sync of one IM target would interleave).
    // The first waiter is woken only if it is this run or came before it. The run's own end,
    // sleep or wait leaves it COMPLETED/FAILED/CANCELLED, SLEEPING or WAITING, and wakes as before.
    // (Only a planned step counted here once: without checkpointing, a step's answer queues a
    // discovery request instead, and a later run could take the slot between the two.)
    const { rows } = await c.query<{ job: CallJob }>(
      `WITH d AS (DELETE FROM "JobFlowLease" WHERE "runId" = $1 AND "stepId" = $2 RETURNING key),
       me AS (
         SELECT $3::timestamptz AS ord FROM "JobRun" r WHERE r.id = $1 AND r.status = 'RUNNING')
       SELECT n.job FROM d CROSS JOIN LATERAL (
         SELECT w.job, w."runId", w.ord FROM "JobFlowWait" w JOIN "JobRun" r ON r.id = w."runId"
         WHERE w.key = d.key AND r.status NOT IN ('COMPLETED','FAILED','CANCELLED')
         ORDER BY w.ord, w."runId", w."stepId" LIMIT 1) n
       WHERE NOT EXISTS (SELECT 1 FROM me) OR n."runId" = $1 OR n.ord <= (SELECT ord FROM me)`,
      [runId, leaseId, ord.toISOString()],
    );
    for (const r of rows) jobs.push({ data: { ...r.job, w: 1 } });
  });
}

/**
 * Renews a running request's leases three times a lease until `stop()` (two renewals may be
 * missed): the slot counts for as long as the request runs, and lapses within a lease of its
 * executor dying.
 */
export function keepLease(ctx: EngineContext, runId: string, leaseId: string): { stop(): void } {
  const seconds = leaseSeconds(ctx);
  const timer = setInterval(
    () => {
      ctx.pool
        .query(
          `UPDATE "JobFlowLease" SET "leaseUntil" = now() + make_interval(secs => $3)
         WHERE "runId" = $1 AND "stepId" = $2`,
          [runId, leaseId, seconds],
        )
        .catch(() => {}); // the next renewal tries again; a lapse only lets the slot go early
    },
    (seconds * 1000) / 3,
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * A held request that can no longer go (its run ended or moved on): its waiter rows go, matched by
 * token so a newer hold stays, and the wake it may have taken passes to each key's next waiter.
 */
export async function dropWaiter(ctx: EngineContext, job: CallJob) {
  await ctx.tx(async (c, jobs) => {
    const { rows } = await c.query<{ key: string }>(
      `DELETE FROM "JobFlowWait" WHERE "runId" = $1 AND "stepId" = $2 AND token = $3 RETURNING key`,
      [job.runId, job.stepId, `${job.seq ?? ""}:${job.attempt}`],
    );
    for (const { key } of rows) await wakeNext(c, key, job.runId, jobs);
  });
}
