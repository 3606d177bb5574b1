import { db } from "@/lib/core/db";
import {
  RETENTION_BATCH_SIZE,
  RETENTION_STEP_BUDGET_MS,
  type RetentionKind,
} from "../retention-kinds";
import { retentionCutoff } from "../rules/retention-cutoff";
import { RETENTION_SQL } from "./retention-sql";

export type PruneOptions = {
  kind: RetentionKind;
  days: number;
  /** Defaults to the current time; tests pass their own. */
  now?: Date;
  /** Rows per statement. */
  batchSize?: number;
  /** Stop starting new batches after this long; the next call carries on. */
  budgetMs?: number;
};

export type PruneResult = {
  kind: RetentionKind;
  days: number;
  cutoff: string;
  removed: number;
  /** False when the budget ran out first (more is due). */
  complete: boolean;
  /** False when the kind's tables do not exist (pg-boss replaced). */
  present: boolean;
  batches: number;
  longestBatchMs: number;
};

// A batch that would wait on a lock gives up quickly instead of queueing writers behind it.
const LOCK_TIMEOUT = "1s";
const STATEMENT_TIMEOUT = "30s";

/**
 * Prunes one kind in short transactions of one batch each until nothing older than the cutoff
 * is left or the budget is spent, then records the outcome as the kind's last prune. A failing
 * batch is recorded (with what was removed before it) and rethrown.
 */
export async function pruneKind(options: PruneOptions): Promise<PruneResult> {
  const { kind, days } = options;
  const batchSize = options.batchSize ?? RETENTION_BATCH_SIZE;
  const budgetMs = options.budgetMs ?? RETENTION_STEP_BUDGET_MS;
  const sql = RETENTION_SQL[kind];
  const startedAt = new Date();
  const cutoff = retentionCutoff(days, options.now ?? startedAt);
  const result: PruneResult = {
    kind,
    days,
    cutoff: cutoff.toISOString(),
    removed: 0,
    complete: false,
    present: true,
    batches: 0,
    longestBatchMs: 0,
  };
  try {
    result.present = sql.present ? await sql.present(db) : true;
    let done = !result.present;
    while (!done) {
      const began = performance.now();
      const removed = await db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(
          `SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)`,
          LOCK_TIMEOUT,
          STATEMENT_TIMEOUT,
        );
        return sql.batch(tx, cutoff.getTime(), batchSize);
      });
      result.batches += 1;
      result.longestBatchMs = Math.max(result.longestBatchMs, performance.now() - began);
      result.removed += removed;
      done = removed === 0;
      if (!done && Date.now() - startedAt.getTime() >= budgetMs) break;
    }
    result.complete = done;
  } catch (err) {
    await record(result, startedAt, cutoff, err instanceof Error ? err.message : String(err));
    throw err;
  }
  await record(result, startedAt, cutoff, null);
  return result;
}

async function record(result: PruneResult, startedAt: Date, cutoff: Date, error: string | null) {
  const data = {
    days: result.days,
    cutoff,
    startedAt,
    finishedAt: new Date(),
    removed: result.removed,
    complete: error ? false : result.complete,
    error: error?.slice(0, 1000) ?? null,
  };
  await db.retentionPrune.upsert({
    where: { kind: result.kind },
    create: { kind: result.kind, ...data },
    update: data,
  });
}
