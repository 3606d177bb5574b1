import type { EngineContext } from "./context";
import { memoStep } from "./run-state";
import { TERMINAL, type Op } from "./types";
import { findUnstorableStep } from "./unstorable-text";

/**
 * Async checkpointing: while one request runs consecutive steps, the SDK posts
 * each finished step here. 409 tells it the dispatch is stale (run moved on or ended).
 * A step PostgreSQL cannot store is refused whole (400, nothing stored): the SDK then falls
 * back to sending its buffered steps in its answer, where applyOps fails that step.
 */
export async function checkpoint(
  ctx: EngineContext,
  runId: string,
  body: unknown,
): Promise<"ok" | "stale" | "not-found" | { unstorable: string }> {
  const b = (body ?? {}) as { qi_id?: unknown; steps?: unknown };
  const steps = Array.isArray(b.steps) ? (b.steps as Op[]) : [];
  const memoised = steps.filter(
    (op) => (op?.op === "StepRun" || op?.op === "Step") && typeof op.id === "string",
  );
  for (const op of memoised) {
    const unstorable = findUnstorableStep(op);
    if (unstorable) return { unstorable };
  }
  const seq = typeof b.qi_id === "string" ? Number(b.qi_id.split(":")[1]) : NaN;
  // No run lock: memoising is idempotent, and a finished or moved-on run is answered 409.
  const { rows } = await ctx.pool.query<{ status: string; seq: number }>(
    `SELECT status, seq FROM "JobRun" WHERE id = $1`,
    [runId],
  );
  const run = rows[0];
  if (!run) return "not-found";
  if (TERMINAL.has(run.status) || (Number.isFinite(seq) && seq !== run.seq)) return "stale";
  const c = await ctx.pool.connect();
  try {
    for (const op of memoised) await memoStep(c, runId, op, "completed", 0);
  } finally {
    c.release();
  }
  return "ok";
}
