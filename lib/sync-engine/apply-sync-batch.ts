import type { ImTarget } from "@/lib/connectors";
import { mapConcurrent } from "@/lib/connectors/core/collect";
import { db } from "@/lib/db/client";
import { applyChange } from "./apply-change";
import { openImTarget } from "./open-connection";
import { platformRootGroup } from "./platform-root-group";

export type ApplySyncBatchOptions = {
  runId: string;
  /** First seq of the batch (inclusive). */
  fromSeq: number;
  /** Last seq of the batch (inclusive). */
  toSeq: number;
  /** A ready IM connector (tests, benches); default: built from the run's connection. */
  target?: ImTarget;
  /** The instant disables are compared against; defaults to now. */
  now?: Date;
  /** Account changes in flight at once (the connector's rate limiter still applies). */
  concurrency?: number;
};

const ACCOUNT_CONCURRENCY = 8;

/** Consecutive changes of the same target type. */
function segments<T extends { targetType: string }>(changes: T[]): T[][] {
  const out: T[][] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && last[0].targetType === c.targetType) last.push(c);
    else out.push([c]);
  }
  return out;
}

export type RunCounters = { applied: number; failed: number; skipped: number };

/**
 * Applies the still-PLANNED changes of one seq range in plan order (account
 * changes of different employees concurrently), then refreshes the
 * run's counters from the change rows (so a repeated batch counts nothing twice).
 */
export async function applySyncBatch(options: ApplySyncBatchOptions): Promise<RunCounters> {
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: options.runId }, select: { connectionId: true, status: true } });
  if (run.status === "RUNNING") {
    const target = options.target ?? (await openImTarget(run.connectionId)).target;
    const rootGroupId = platformRootGroup(target);
    const changes = await db.syncChange.findMany({
      where: { runId: options.runId, seq: { gte: options.fromSeq, lte: options.toSeq }, status: "PLANNED" },
      orderBy: { seq: "asc" },
    });
    const apply = (change: (typeof changes)[number]) => applyChange({ connectionId: run.connectionId, target, change, rootGroupId, now: options.now });
    for (const segment of segments(changes)) {
      if (segment[0].targetType !== "im_account") {
        // Groups in plan order: parents before children, children before deleted parents.
        for (const change of segment) await apply(change);
        continue;
      }
      // Accounts are independent of each other; one account's changes (disable then delete) stay in order.
      const byAccount = new Map<string, typeof segment>();
      for (const change of segment) byAccount.set(change.targetKey, [...(byAccount.get(change.targetKey) ?? []), change]);
      await mapConcurrent([...byAccount.values()], options.concurrency ?? ACCOUNT_CONCURRENCY, async (list) => {
        for (const change of list) await apply(change);
      });
    }
  }
  return refreshRunCounters(options.runId);
}

/** Recounts applied/failed/skipped from the run's change rows. */
export async function refreshRunCounters(runId: string): Promise<RunCounters> {
  const groups = await db.syncChange.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const counters = { applied: count("APPLIED"), failed: count("FAILED"), skipped: count("SKIPPED") };
  await db.syncRun.update({ where: { id: runId }, data: counters });
  return counters;
}
