import type { ImTarget } from "@/lib/connectors";
import { applySyncBatch } from "./apply-sync-batch";
import { finishSyncRun, type FinishSyncRunResult } from "./finish-sync-run";
import { planSyncRun } from "./plan-sync-run";

/**
 * Carries an opened run to its end from wherever a previous process left it, as the executor's retries do:
 * plans it if it is still PLANNING (else gets back what was planned), applies every batch (recorded changes
 * are skipped, applied-but-unrecorded ones are found again on the IM) and finishes it. Null when the run
 * does not apply (held, dry run, nothing to do, already finished).
 */
export async function resumeSyncRun(
  runId: string,
  options: { target?: ImTarget } = {},
): Promise<FinishSyncRunResult | null> {
  const plan = await planSyncRun({ runId, target: options.target });
  if (plan.status !== "RUNNING") return null;
  for (const b of plan.batches) await applySyncBatch({ runId, ...b, target: options.target });
  return finishSyncRun(runId);
}
