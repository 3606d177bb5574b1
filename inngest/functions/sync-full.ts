import { inngest } from "../client";
import { eventSchemas } from "../events";
import { imTargetExclusive } from "./im-target-exclusive";
import { applySyncBatch } from "@/lib/sync/engine/apply-sync-batch";
import { failOpenSyncRuns } from "@/lib/sync/engine/fail-open-sync-runs";
import { finishSyncRun } from "@/lib/sync/engine/finish-sync-run";
import { planSyncRun } from "@/lib/sync/engine/plan-sync-run";
import { pullHrDirectory } from "@/lib/sync/engine/pull-hr-directory";
import { startSyncRun } from "@/lib/sync/engine/start-sync-run";

/**
 * Full HR → IM sync of one IM target: pull HR into the mirror, plan, then apply
 * in batches of ~200 changes, one step each, so a crash resumes at the batch it
 * was in. Never alongside another sync of the same IM target, full or incremental (imTargetExclusive). A run over the safety threshold
 * stops in AWAITING_APPROVAL; a dry run stops after planning.
 */
export const hrFullSync = inngest.createFunction(
  {
    id: "hr-full-sync",
    name: "HR → IM full sync",
    retries: 3,
    concurrency: [imTargetExclusive],
    triggers: [{ event: "hr/sync.requested" }],
    onFailure: async ({ event, error, step }) => {
      const data = eventSchemas["hr/sync.requested"].parse(event.data.event.data);
      await step.run("mark-run-failed", () => failOpenSyncRuns(data.connectionId, error.message));
    },
  },
  async ({ event, step }) => {
    const data = eventSchemas["hr/sync.requested"].parse(event.data);
    const trigger = data.requestedBy === "cron" ? "cron" : `manual:${data.requestedBy}`;
    const { runId } = await step.run("start-run", () =>
      startSyncRun({
        connectionId: data.connectionId,
        kind: data.dryRun ? "DRY_RUN" : "FULL",
        trigger,
      }),
    );
    const pull = await step.run("pull-hr", () =>
      pullHrDirectory({ hrConnectionId: data.hrConnectionId }),
    );
    const plan = await step.run("plan", () =>
      planSyncRun({ runId, summaryExtra: { pull }, deepImRead: data.deepImRead }),
    );
    if (plan.status !== "RUNNING")
      return { runId, status: plan.status, planned: plan.planned, conflicts: plan.conflicts };
    for (const [i, batch] of plan.batches.entries()) {
      await step.run(`apply-batch-${i}`, () => applySyncBatch({ runId, ...batch }));
    }
    const finish = await step.run("finish", () => finishSyncRun(runId));
    return { runId, planned: plan.planned, conflicts: plan.conflicts, ...finish };
  },
);
