import type { PoolClient } from "pg";
import { toJsonError } from "./errors";
import { rowId } from "./ids";
import type { NewJob } from "./queue";
import { json } from "./sql-values";
import { PENDING, TERMINAL, type Op, type RunRow } from "./types";

/** Locks a run for the rest of the transaction. */
export async function lockRun(c: PoolClient, runId: string): Promise<RunRow | undefined> {
  const { rows } = await c.query<RunRow>(
    `SELECT id, "functionId", status, seq, attempt, "maxAttempts", events, "concurrencyKey" FROM "JobRun" WHERE id = $1 FOR UPDATE`,
    [runId],
  );
  return rows[0];
}

/** After progress: discover the next steps when nothing is pending, else reflect what the run waits on. */
export async function continueRun(c: PoolClient, run: RunRow, jobs: NewJob[]): Promise<void> {
  const { rows } = await c.query<{ status: string }>(
    `SELECT DISTINCT status FROM "JobStep" WHERE "runId" = $1 AND status = ANY($2::text[])`,
    [run.id, PENDING],
  );
  const pending = new Set(rows.map((r) => r.status));
  if (!pending.size) {
    const seq = run.seq + 1;
    await c.query(
      `UPDATE "JobRun" SET seq = $2, attempt = 0, status = 'RUNNING', "updatedAt" = now() WHERE id = $1`,
      [run.id, seq],
    );
    run.seq = seq;
    jobs.push({ data: { k: "call", runId: run.id, stepId: "step", seq, attempt: 0 } });
    return;
  }
  const status =
    pending.has("planned") || pending.has("running")
      ? "RUNNING"
      : pending.has("waiting")
        ? "WAITING"
        : "SLEEPING";
  if (status !== run.status)
    await c.query(
      `UPDATE "JobRun" SET status = $2::"JobRunStatus", "updatedAt" = now() WHERE id = $1`,
      [run.id, status],
    );
}

/** Completes a sleeping/waiting step (or ignores it if it already moved on) and continues the run. */
export async function completePendingStep(
  c: PoolClient,
  runId: string,
  hashedId: string,
  from: string[],
  data: unknown,
  jobs: NewJob[],
): Promise<void> {
  const run = await lockRun(c, runId);
  if (!run || TERMINAL.has(run.status)) return;
  const { rowCount } = await c.query(
    `UPDATE "JobStep" SET status = 'completed', data = $3, "endedAt" = now(),
       seq = (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $1)
     WHERE "runId" = $1 AND "hashedId" = $2 AND status = ANY($4::text[])`,
    [runId, hashedId, json(data), from],
  );
  if (rowCount) await continueRun(c, run, jobs);
}

/** Records a completed or failed (memoised) step; idempotent. */
export async function memoStep(
  c: PoolClient,
  runId: string,
  op: Op,
  status: "completed" | "failed",
  attempt: number,
): Promise<void> {
  const error = status === "failed" ? toJsonError(op.error) : null;
  await c.query(
    `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, attempt, opts, data, error, seq, "endedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $2), now())
     ON CONFLICT ("runId", "hashedId") DO UPDATE SET status = $6, attempt = $7, data = $9, error = coalesce($10, "JobStep".error),
       seq = (SELECT coalesce(max(seq), 0) + 1 FROM "JobStep" WHERE "runId" = $2), "endedAt" = now(),
       op = CASE WHEN "JobStep".op = 'StepPlanned' THEN $5 ELSE "JobStep".op END
     WHERE "JobStep".status NOT IN ('completed','failed')`,
    [
      rowId(),
      runId,
      op.id,
      op.displayName ?? op.name ?? op.id,
      op.op,
      status,
      attempt,
      op.opts ? json(op.opts) : null,
      status === "completed" ? json(op.data) : null,
      error ? json(error) : null,
    ],
  );
}

/** Inserts a pending step (planned / sleeping / waiting) unless it already exists. */
export async function pendingStep(
  c: PoolClient,
  runId: string,
  op: Op,
  status: string,
  extra: { waitEvent?: string; waitIf?: string | null; wakeAt?: number | null } = {},
): Promise<boolean> {
  const { rowCount } = await c.query(
    `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, opts, "waitEvent", "waitIf", "wakeAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ("runId", "hashedId") DO NOTHING`,
    [
      rowId(),
      runId,
      op.id,
      op.displayName ?? op.name ?? op.id,
      op.op,
      status,
      json({ ...(op.opts ?? {}), ...(op.op === "Sleep" ? { until: op.name } : {}) }),
      extra.waitEvent ?? null,
      extra.waitIf ?? null,
      extra.wakeAt ? new Date(extra.wakeAt).toISOString() : null,
    ],
  );
  return (rowCount ?? 0) > 0;
}
