import type { ImTarget } from "@/lib/connectors/types";
import { runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";
import { claimDueLifecycleChanges } from "./claim-due-lifecycle-changes";

export type ApplyDueLifecycleChangesResult = {
  from: string;
  until: string;
  runs: { connectionId: string; runId: string; employeeNos: string[]; status: string }[];
};

/**
 * Claims the steps that fell due since the last call and applies them: one scoped (incremental) sync
 * per IM target over exactly those employees, through the normal planner and executor — the same
 * checks, change log, events and audit as any sync. The Inngest function runs the two halves as
 * separate steps; this chains them in one process (tests, scripts).
 */
export async function applyDueLifecycleChanges(
  options: { now?: Date; target?: ImTarget } = {},
): Promise<ApplyDueLifecycleChangesResult> {
  const now = options.now ?? new Date();
  const due = await claimDueLifecycleChanges({ now });
  const runs: ApplyDueLifecycleChangesResult["runs"] = [];
  for (const { connectionId, employeeNos } of due.targets) {
    const result = await runIncrementalSync({
      connectionId,
      employeeNos,
      trigger: `lifecycle:${due.until}`,
      now,
      target: options.target,
    });
    runs.push({
      connectionId,
      runId: result.runId,
      employeeNos,
      status: result.finish?.status ?? result.plan.status,
    });
  }
  return { from: due.from, until: due.until, runs };
}
