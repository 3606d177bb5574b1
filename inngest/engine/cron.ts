import { Cron } from "croner";
import type { EngineContext } from "./context";
import { deterministicUlid, deterministicUuid } from "./ids";
import { createRuns } from "./intake";
import type { JobData, NewJob } from "./queue";
import { json } from "./sql-values";
import { CRON_EVENT, type ExecEvent } from "./types";

/** The next tick of a cron expression (optionally `TZ=<zone> ` prefixed) after `after`; null if invalid or none. */
function nextTick(ctx: EngineContext, cron: string, after: Date): number | null {
  const m = /^(?:TZ|CRON_TZ)=(\S+)\s+(.*)$/.exec(cron.trim());
  try {
    const next = new Cron(m ? m[2] : cron, {
      paused: true,
      ...(m ? { timezone: m[1] } : {}),
    }).nextRun(after);
    return next ? next.getTime() : null;
  } catch (err) {
    ctx.opts.log(`invalid cron "${cron}": ${(err as Error).message}`);
    return null;
  }
}

function cronJob(fnId: string, cron: string, at: number): NewJob {
  // Deterministic job id: every instance, before and after a restart, queues the same tick once.
  return {
    id: deterministicUuid(`cron|${fnId}|${cron}|${at}`),
    startAfter: at,
    data: { k: "cron", fnId, cron, at },
  };
}

/** Queues the next tick of every cron trigger (ticks already queued are deduplicated by job id). */
export async function scheduleAllCrons(ctx: EngineContext): Promise<void> {
  const now = new Date();
  const jobs: NewJob[] = [];
  for (const fn of ctx.registry.all()) {
    if (fn.refusal) continue;
    for (const cron of fn.cronTriggers) {
      const at = nextTick(ctx, cron, now);
      if (at) jobs.push(cronJob(fn.id, cron, at));
    }
  }
  if (jobs.length) await ctx.tx(async (_c, out) => void out.push(...jobs));
}

/** One tick: store the timer event, start the run (both with deterministic ids), queue the next tick. */
export async function handleCron(
  ctx: EngineContext,
  job: Extract<JobData, { k: "cron" }>,
): Promise<void> {
  const fn = await ctx.registry.get(job.fnId);
  if (!fn || fn.refusal || !fn.cronTriggers.includes(job.cron)) return; // unregistered or schedule changed
  const evt: ExecEvent = {
    id: deterministicUlid(job.at, `evt|${job.fnId}|${job.cron}`),
    name: CRON_EVENT,
    data: { cron: job.cron },
    ts: job.at,
  };
  await ctx.tx(async (c, jobs) => {
    await c.query(
      `INSERT INTO "JobEvent" (id, name, data, ts) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [evt.id, evt.name, json(evt.data), evt.ts],
    );
    await createRuns(
      c,
      [{ id: deterministicUlid(job.at, `run|${job.fnId}|${job.cron}`), fn, evt, key: null }],
      jobs,
    );
    const next = nextTick(ctx, job.cron, new Date(Math.max(job.at, Date.now())));
    if (next) jobs.push(cronJob(fn.id, job.cron, next));
  });
}
