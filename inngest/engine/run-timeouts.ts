import { cancelRun } from "./cancel-run";
import type { EngineContext } from "./context";
import { TERMINAL } from "./types";

/**
 * A run's `timeouts` check. `start`: no request reached the app within `start` of the run
 * becoming due (created, or its debounce / batch wait over) → CANCELLED. `finish`: not
 * ended within `finish` of its first request → CANCELLED. Otherwise checked again at the
 * next deadline.
 */
export async function checkRunTimeouts(ctx: EngineContext, runId: string): Promise<void> {
  await ctx.tx(async (c, jobs) => {
    const { rows } = await c.query<{
      functionId: string;
      status: string;
      due: string;
      first: string | null;
    }>(
      `SELECT "functionId", status,
         (extract(epoch FROM greatest("startedAt", coalesce("waitUntil", "startedAt"))) * 1000)::bigint AS due,
         (extract(epoch FROM "firstCallAt") * 1000)::bigint AS first
       FROM "JobRun" WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    const run = rows[0];
    if (!run || TERMINAL.has(run.status)) return;
    const t = (await ctx.registry.get(run.functionId))?.flow.timeouts;
    if (!t) return;
    const deadlines: number[] = [];
    if (run.first === null) {
      if (t.startMs !== undefined) deadlines.push(Number(run.due) + t.startMs);
      // Not started and no start limit: look again once it could have started.
      else if (t.finishMs !== undefined) deadlines.push(Number(run.due) + t.finishMs);
    } else if (t.finishMs !== undefined) deadlines.push(Number(run.first) + t.finishMs);
    if (!deadlines.length) return;
    const at = Math.min(...deadlines);
    if (at <= Date.now() && (run.first !== null || t.startMs !== undefined)) {
      await cancelRun(ctx, c, runId, jobs);
      return;
    }
    // A run not yet started with only `finish` set is looked at again until it starts.
    const waitingToStart = run.first === null && t.startMs === undefined;
    const next = waitingToStart ? Math.max(at, Date.now() + Math.min(t.finishMs!, 60_000)) : at;
    jobs.push({ data: { k: "timeout", runId }, startAfter: next });
  });
}
