import type { EngineContext } from "./context";
import { NotFoundError } from "./errors";
import { ulid } from "./ids";
import { createRuns } from "./intake";
import { firstConcurrencyKey } from "./start-runs";
import type { RunRow } from "./types";

/** Starts a new run of the same function with the same event(s); returns its id. */
export async function rerun(ctx: EngineContext, runId: string): Promise<string> {
  const { rows } = await ctx.pool.query<RunRow>(
    `SELECT id, "functionId", events FROM "JobRun" WHERE id = $1`,
    [runId],
  );
  const old = rows[0];
  if (!old) throw new NotFoundError(`run ${runId} not found`);
  const fn = await ctx.registry.get(old.functionId);
  if (!fn) throw new NotFoundError(`function ${old.functionId} is not registered`);
  const evt = old.events[0];
  const id = ulid();
  await ctx.tx((c, jobs) =>
    createRuns(c, [{ id, fn, evt, key: firstConcurrencyKey(fn, evt), rerunOf: old.id }], jobs),
  );
  return id;
}
