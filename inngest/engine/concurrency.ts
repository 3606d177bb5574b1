import type { EngineContext } from "./context";
import type { RunRow } from "./types";

/** Concurrency: runs of (function, key) with a request in flight and a live lease count against the limit. */
export async function acquireSlot(
  ctx: EngineContext,
  run: RunRow,
  limit: number,
): Promise<boolean> {
  return ctx.tx(async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `${run.functionId}|${run.concurrencyKey ?? ""}`,
    ]);
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "JobRun"
       WHERE "functionId" = $1 AND "concurrencyKey" IS NOT DISTINCT FROM $2 AND inflight > 0 AND "leaseUntil" > now() AND id <> $3`,
      [run.functionId, run.concurrencyKey, run.id],
    );
    if (rows[0].n >= limit) return false;
    await c.query(
      `UPDATE "JobRun" SET inflight = CASE WHEN "leaseUntil" IS NULL OR "leaseUntil" < now() THEN 1 ELSE inflight + 1 END,
         "leaseUntil" = now() + interval '5 minutes' WHERE id = $1`,
      [run.id],
    );
    return true;
  });
}

/** Gives back the slot {@link acquireSlot} took once the request is over. */
export async function releaseSlot(ctx: EngineContext, runId: string): Promise<void> {
  await ctx.pool.query(`UPDATE "JobRun" SET inflight = greatest(inflight - 1, 0) WHERE id = $1`, [
    runId,
  ]);
}
