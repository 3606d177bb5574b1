import { cancelRun } from "./cancel-run";
import type { EngineContext } from "./context";
import { TERMINAL } from "./types";

/**
 * A run's `timeouts` check: still QUEUED `start` after it became due → CANCELLED; not
 * finished `finish` after it became due → CANCELLED; otherwise checked again at the next
 * deadline. "Due" is when it was created, or when its debounce / batch wait ends.
 */
export async function checkRunTimeouts(ctx: EngineContext, runId: string): Promise<void> {
  await ctx.tx(async (c, jobs) => {
    const { rows } = await c.query<{ functionId: string; status: string; due: string }>(
      `SELECT "functionId", status,
         (extract(epoch FROM greatest("startedAt", coalesce("waitUntil", "startedAt"))) * 1000)::bigint AS due
       FROM "JobRun" WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    const run = rows[0];
    if (!run || TERMINAL.has(run.status)) return;
    const t = (await ctx.registry.get(run.functionId))?.flow.timeouts;
    if (!t) return;
    const now = Date.now();
    const due = Number(run.due);
    const deadlines: number[] = [];
    if (t.startMs !== undefined && run.status === "QUEUED") deadlines.push(due + t.startMs);
    if (t.finishMs !== undefined) deadlines.push(due + t.finishMs);
    if (deadlines.some((d) => d <= now)) {
      await cancelRun(ctx, c, runId, jobs);
      return;
    }
    if (deadlines.length)
      jobs.push({ data: { k: "timeout", runId }, startAfter: Math.min(...deadlines) });
  });
}
