import type { PoolClient } from "pg";
import type { EngineContext } from "./context";
import { runEnded } from "./lifecycle-events";
import type { NewJob } from "./queue";
import { PENDING, type ExecEvent } from "./types";

/** The error a cancelled run reports (what Inngest's `inngest/function.cancelled` carries). */
export const CANCELLED_ERROR = { name: "Error", message: "function cancelled" };

/**
 * Ends a live run CANCELLED (cancelOn, singleton "cancel", timeouts), cancels its pending
 * steps and emits `inngest/function.cancelled`; false when it had already ended.
 */
export async function cancelRun(
  ctx: EngineContext,
  c: PoolClient,
  runId: string,
  jobs: NewJob[],
): Promise<boolean> {
  const { rows } = await c.query<{ id: string; functionId: string; events: ExecEvent[] }>(
    `UPDATE "JobRun" SET status = 'CANCELLED', "endedAt" = now(), "updatedAt" = now(), inflight = 0,
       "waitReason" = NULL, "waitUntil" = NULL
     WHERE id = $1 AND status NOT IN ('COMPLETED','FAILED','CANCELLED')
     RETURNING id, "functionId", events`,
    [runId],
  );
  if (!rows[0]) return false;
  await c.query(
    `UPDATE "JobStep" SET status = 'cancelled', "endedAt" = now() WHERE "runId" = $1 AND status = ANY($2::text[])`,
    [runId, PENDING],
  );
  await runEnded(ctx, c, rows[0], { error: CANCELLED_ERROR }, "cancelled", jobs);
  return true;
}
