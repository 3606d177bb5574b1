import { inngest } from "../client";
import { eventSchemas } from "../events";
import { imTargetExclusive } from "./im-target-exclusive";
import { coalesceTargetChanges } from "@/lib/sync/rules/coalesce-target-changes";
import { runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";
import { clearPendingEmployees, readPendingEmployees } from "@/lib/sync/engine/sync-pending";

/**
 * Applies merged HR changes to one IM target: one scoped run over everyone queued for the target
 * (SyncPending, filled by hr-incremental-sync) plus any employees an `hr/target.changed` names
 * itself, reading the mirror as it is now — so the newest merged version is what reaches the IM.
 * A run drains the whole queue, so one that fell behind catches up in one larger run, and the
 * nudges queued behind it find nothing left and end at once (issue #17: one run per merge batch
 * held the HR → IM path to ~60 changes/s under load, whatever the backlog). No batching window:
 * issue #17 wants HR → IM p99 ≤ 2 s at 100 changes/s, and the engine's minimum window adds a
 * second to every change. Runs of one target queue behind each other and behind a full sync of it
 * (the shared concurrency key), so a drain never overlaps another run of its target.
 */
export const hrTargetSync = inngest.createFunction(
  {
    id: "hr-target-sync",
    name: "HR → IM incremental sync of one target",
    retries: 3,
    concurrency: [imTargetExclusive],
    triggers: [{ event: "hr/target.changed" }],
  },
  async ({ events, step }) => {
    const changes = events.map((e) => eventSchemas["hr/target.changed"].parse(e.data));
    const { connectionId } = changes[0];
    return step.run("sync", async () => {
      const drained = await readPendingEmployees(connectionId);
      const { employeeNos, trigger, run } = coalesceTargetChanges(changes, drained.employeeNos);
      if (!run) return { connectionId, events: changes.length, employees: 0, drainedEarlier: true };
      const r = await runIncrementalSync({ connectionId, employeeNos, trigger });
      // Held for approval or not, the run now owns these changes (an approval applies its plan).
      await clearPendingEmployees(connectionId, drained);
      return {
        connectionId,
        events: changes.length,
        employees: employeeNos.length,
        runId: r.runId,
        status: r.finish?.status ?? r.plan.status,
        planned: r.plan.planned,
        failed: r.finish?.failed ?? 0,
      };
    });
  },
);
