import type { EngineContext } from "./context";
import { NotFoundError } from "./errors";
import { insertRun } from "./insert-run";
import type { RunRow } from "./types";

/** Starts a new run of the same function with the same event(s) — a whole batch for a batched run; returns its id. */
export async function rerun(ctx: EngineContext, runId: string): Promise<string> {
  const { rows } = await ctx.pool.query<RunRow>(
    `SELECT id, "functionId", events FROM "JobRun" WHERE id = $1`,
    [runId],
  );
  const old = rows[0];
  if (!old) throw new NotFoundError(`run ${runId} not found`);
  const fn = await ctx.registry.get(old.functionId);
  if (!fn) throw new NotFoundError(`function ${old.functionId} is not registered`);
  // A rerun is an operator's explicit request: flow control (rate limit, debounce…) does not apply.
  return ctx.tx((c, jobs) => insertRun(c, { fn, events: old.events, rerunOf: old.id }, jobs));
}
