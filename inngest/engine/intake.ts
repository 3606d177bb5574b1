import type { PoolClient } from "pg";
import { cancelRun } from "./cancel-run";
import type { EngineContext } from "./context";
import { matchesExpression } from "./expression";
import { applyIntakeFlow, hasIntakeFlow } from "./flow-intake";
import type { FnDef } from "./functions";
import { ulid } from "./ids";
import { queueTimeoutCheck } from "./insert-run";
import type { NewJob } from "./queue";
import { completePendingStep } from "./run-state";
import { json, runColumns } from "./sql-values";
import { firstConcurrencyKey, queueRunStarts } from "./start-runs";
import type { ExecEvent, RunInsert } from "./types";

/** Stores events and, for the new ones, starts the runs they trigger, resumes waiters and cancels runs. */
export async function ingestEvents(
  ctx: EngineContext,
  c: PoolClient,
  events: ExecEvent[],
  jobs: NewJob[],
): Promise<void> {
  if (!events.length) return;
  // Runs are planned for every event up front; the statement keeps those whose event was new
  // (a repeated event id is an idempotent re-send): one round trip for events and runs.
  const runs: RunInsert[] = [];
  const controlled: { fn: FnDef; evt: ExecEvent }[] = [];
  for (const evt of events) {
    for (const fn of ctx.registry.matching(evt)) {
      // Flow control decides after the insert below, and only for events that were new.
      if (hasIntakeFlow(fn)) {
        controlled.push({ fn, evt });
        continue;
      }
      runs.push({ id: ulid(), fn, evt, key: firstConcurrencyKey(fn, evt) });
    }
  }
  const { rows } = await c.query<{ kind: "e" | "r"; id: string }>(
    `WITH e AS (
       INSERT INTO "JobEvent" (id, name, data, "user", ts)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[], $5::bigint[])
       ON CONFLICT (id) DO NOTHING RETURNING id),
     r AS (
       INSERT INTO "JobRun" (id, "functionId", "eventId", "eventName", events, "maxAttempts", "concurrencyKey", seq, "updatedAt")
       SELECT t.id, t.f, t.e, t.n, t.ev, t.m, t.k, 1, now()
       FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::int[], $12::text[]) AS t(id, f, e, n, ev, m, k)
       WHERE t.e IN (SELECT id FROM e)
       RETURNING id)
     SELECT 'e' AS kind, id FROM e UNION ALL SELECT 'r' AS kind, id FROM r`,
    [
      events.map((e) => e.id),
      events.map((e) => e.name),
      events.map((e) => json(e.data)),
      events.map((e) => (e.user ? json(e.user) : null)),
      events.map((e) => e.ts),
      ...runColumns(runs),
    ],
  );
  const fresh = new Set(rows.filter((r) => r.kind === "e").map((r) => r.id));
  const started = new Set(rows.filter((r) => r.kind === "r").map((r) => r.id));
  await queueRunStarts(
    c,
    runs.filter((r) => started.has(r.id)),
    jobs,
  );
  const accepted = events.filter((e) => fresh.has(e.id));
  await resumeWaiters(c, accepted, jobs);
  // Cancellation applies to runs that exist before the event: one it starts or joins below is not
  // cancelled by the very event that made it.
  await cancelRuns(ctx, c, accepted, jobs);
  // Flow control last: it locks each key's JobFlowKey row until commit, and every event of a
  // batched or debounced function takes the same row — the shorter the rest of the transaction
  // after it, the more events a second (issue #17 measured a 6 ms wait per event at 100/s).
  // By function (stable, so each key still sees its events in order): fewer lock-order deadlocks.
  controlled.sort((a, b) => a.fn.id.localeCompare(b.fn.id));
  for (const { fn, evt } of controlled)
    if (fresh.has(evt.id)) await applyIntakeFlow(ctx, c, fn, evt, jobs);
}

/** Inserts runs (reruns, cron ticks) and queues their first discovery request; an existing id is skipped. */
export async function createRuns(c: PoolClient, runs: RunInsert[], jobs: NewJob[]): Promise<void> {
  if (!runs.length) return;
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO "JobRun" (id, "functionId", "eventId", "eventName", events, "maxAttempts", "concurrencyKey", "rerunOf", seq, "updatedAt")
     SELECT id, f, e, n, ev, m, k, r, 1, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::int[], $7::text[], $8::text[])
       AS t(id, f, e, n, ev, m, k, r)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [...runColumns(runs), runs.map((r) => r.rerunOf ?? null)],
  );
  const inserted = runs.filter((r) => rows.some((x) => x.id === r.id));
  await queueRunStarts(c, inserted, jobs);
  const now = Date.now();
  for (const r of inserted) queueTimeoutCheck(r.fn, r.id, now, jobs);
}

/** Completes the `waitForEvent` steps these events satisfy. */
async function resumeWaiters(c: PoolClient, events: ExecEvent[], jobs: NewJob[]): Promise<void> {
  const names = [...new Set(events.map((e) => e.name))];
  if (!names.length) return;
  const { rows } = await c.query<{
    runId: string;
    hashedId: string;
    waitEvent: string;
    waitIf: string | null;
    ev: ExecEvent;
  }>(
    `SELECT s."runId", s."hashedId", s."waitEvent", s."waitIf", r.events->0 AS ev
     FROM "JobStep" s JOIN "JobRun" r ON r.id = s."runId"
     WHERE s.status = 'waiting' AND s."waitEvent" = ANY($1::text[])`,
    [names],
  );
  if (!rows.length) return;
  const hits: { runId: string; hashedId: string; evt: ExecEvent }[] = [];
  for (const w of rows) {
    const evt = events.find(
      (e) => e.name === w.waitEvent && matchesExpression(w.waitIf, { event: w.ev, async: e }),
    );
    if (evt) hits.push({ runId: w.runId, hashedId: w.hashedId, evt });
  }
  hits.sort((a, b) => a.runId.localeCompare(b.runId)); // lock runs in one order
  for (const h of hits) await completePendingStep(c, h.runId, h.hashedId, ["waiting"], h.evt, jobs);
}

/** Applies `cancelOn`: live runs whose rule matches one of these events (within the rule's `timeout` of the run's start) end CANCELLED. */
async function cancelRuns(
  ctx: EngineContext,
  c: PoolClient,
  events: ExecEvent[],
  jobs: NewJob[],
): Promise<void> {
  for (const evt of events) {
    for (const fn of ctx.registry.cancelledBy(evt.name)) {
      const { rows } = await c.query<{ id: string; ev: ExecEvent; started: string }>(
        `SELECT id, events->0 AS ev, (extract(epoch FROM "startedAt") * 1000)::bigint AS started
         FROM "JobRun" WHERE "functionId" = $1 AND status NOT IN ('COMPLETED','FAILED','CANCELLED') ORDER BY id`,
        [fn.id],
      );
      const rules = fn.cancel.filter((r) => r.event === evt.name);
      for (const run of rows) {
        const live = rules.filter(
          (r) => r.timeoutMs === undefined || Date.now() - Number(run.started) <= r.timeoutMs,
        );
        if (!live.some((r) => matchesExpression(r.if, { event: run.ev, async: evt }))) continue;
        await cancelRun(ctx, c, run.id, jobs);
      }
    }
  }
}
