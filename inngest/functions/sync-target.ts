import { inngest } from "../client";
import { eventSchemas } from "../events";
import { imTargetExclusive } from "./im-target-exclusive";
import { coalesceTargetChanges } from "@/lib/sync/rules/coalesce-target-changes";
import { runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";

/**
 * Applies merged HR changes to one IM target: one scoped run over the employees an
 * `hr/target.changed` names, reading the mirror as it is now — so the newest merged version is
 * what reaches the IM. Bursts are coalesced upstream: hr-incremental-sync merges pushes in batches
 * and sends one event per batch and target, so ten pushes for one employee within a second are
 * one run here. No second batching window: issue #17 wants HR → IM p99 ≤ 2 s at 100 changes/s,
 * and a second 1 s window (the engine's minimum) added a second to every change. Runs of one
 * target queue behind each other and behind a full sync of it (the shared concurrency key).
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
    const { employeeNos, trigger } = coalesceTargetChanges(changes);
    return step.run("sync", async () => {
      const r = await runIncrementalSync({ connectionId, employeeNos, trigger });
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
