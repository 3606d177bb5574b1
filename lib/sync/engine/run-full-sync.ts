import type { HrSource, ImTarget } from "@/lib/connectors";
import { applySyncBatch } from "./apply-sync-batch";
import { finishSyncRun, type FinishSyncRunResult } from "./finish-sync-run";
import type { PlanSettings } from "../queries/load-plan-settings";
import { planSyncRun, type PlanSyncRunResult } from "./plan-sync-run";
import { pullHrDirectory, type PullHrDirectoryResult } from "./pull-hr-directory";
import { startSyncRun } from "./start-sync-run";

export type RunFullSyncOptions = {
  /** The IM_TARGET connection. */
  connectionId: string;
  /** The HR_SOURCE connection to pull first; omit to plan from the mirror as it is. */
  hrConnectionId?: string;
  /** Plan only (kind DRY_RUN). */
  dryRun?: boolean;
  /** cron, manual:<user>, … */
  trigger: string;
  /** Ready connectors (tests, benches). */
  hrSource?: HrSource;
  target?: ImTarget;
  now?: Date;
  settings?: Partial<PlanSettings>;
  /** Read every IM user in full (see list-im-users.ts). */
  deepImRead?: boolean;
};

export type RunFullSyncResult = {
  runId: string;
  pull?: PullHrDirectoryResult;
  plan: PlanSyncRunResult;
  finish?: FinishSyncRunResult;
};

/**
 * The whole full sync in one process, step by step as the Inngest function runs
 * it (pull → plan → apply batches → finish). For tests, benches and scripts; the
 * console goes through the `hr-full-sync` function.
 */
export async function runFullSync(options: RunFullSyncOptions): Promise<RunFullSyncResult> {
  const { runId } = await startSyncRun({
    connectionId: options.connectionId,
    kind: options.dryRun ? "DRY_RUN" : "FULL",
    trigger: options.trigger,
  });
  const pull =
    options.hrConnectionId || options.hrSource
      ? await pullHrDirectory({ hrConnectionId: options.hrConnectionId, source: options.hrSource })
      : undefined;
  const plan = await planSyncRun({
    runId,
    target: options.target,
    now: options.now,
    settings: options.settings,
    deepImRead: options.deepImRead,
    summaryExtra: pull ? { pull } : undefined,
  });
  if (plan.status !== "RUNNING") return { runId, pull, plan };
  for (const b of plan.batches)
    await applySyncBatch({ runId, ...b, target: options.target, now: options.now });
  return { runId, pull, plan, finish: await finishSyncRun(runId) };
}
