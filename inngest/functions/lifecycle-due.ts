import { inngest } from "../client";
import { claimDueLifecycleChanges } from "@/lib/lifecycle/engine/claim-due-lifecycle-changes";
import { runIncrementalSync } from "@/lib/sync/engine/run-incremental-sync";

/** How often due joiner/leaver steps are looked for; a step fires at most this late. */
export const LIFECYCLE_TICK_MINUTES = 5;

/**
 * Effective-dated lifecycle: every few minutes, claims the pre-boarding, first-day enables, end-of-day
 * disables and post-grace deletes whose instant has come (lib/lifecycle), then runs one scoped sync per
 * IM target over those employees. The claim is its own step, so a retried sync step re-runs the same
 * employees rather than claiming again; the planner then finds nothing left to do for what was applied.
 */
export const lifecycleDue = inngest.createFunction(
  {
    id: "lifecycle-due",
    name: "Effective-dated joiner / leaver changes",
    retries: 3,
    concurrency: { limit: 1 },
    triggers: [{ cron: `*/${LIFECYCLE_TICK_MINUTES} * * * *` }],
  },
  async ({ step }) => {
    const due = await step.run("claim", () => claimDueLifecycleChanges());
    const runs = [];
    for (const { connectionId, employeeNos } of due.targets) {
      runs.push(
        await step.run(`sync-${connectionId}`, async () => {
          const r = await runIncrementalSync({
            connectionId,
            employeeNos,
            trigger: `lifecycle:${due.until}`,
          });
          return { connectionId, runId: r.runId, status: r.finish?.status ?? r.plan.status };
        }),
      );
    }
    return { from: due.from, until: due.until, runs };
  },
);
