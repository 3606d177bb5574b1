import { inngest } from "../client";
import { checkSystem } from "@/lib/jobs/engine/check-system";
import { pruneRetentionKind } from "@/lib/retention/engine/prune-retention-kind";
import { recordPruneAudit, type PruneSummary } from "@/lib/retention/engine/record-prune-audit";
import { RETENTION_KINDS } from "@/lib/retention/retention-kinds";

// Each step prunes for a bounded time; a kind with more due gets further steps, up to this many.
const MAX_ROUNDS_PER_KIND = 90;

/**
 * Nightly housekeeping (03:00 server time, or "Prune now"): applies every kind's retention
 * (lib/retention), one step per kind and round so a failing kind never stops the others, and
 * each step's output says how many rows it removed. The full HR↔IM reconciliation joins this
 * schedule with the sync issue.
 */
export const nightlyMaintenance = inngest.createFunction(
  {
    id: "nightly-maintenance",
    name: "Nightly maintenance",
    retries: 3,
    concurrency: { limit: 1 },
    triggers: [{ cron: "0 3 * * *" }, { event: "system/maintenance.requested" }],
  },
  async ({ step }) => {
    const summary: PruneSummary = {};
    for (const kind of RETENTION_KINDS) {
      summary[kind] = { removed: 0, complete: false };
      try {
        for (let round = 1; round <= MAX_ROUNDS_PER_KIND; round++) {
          const id = round === 1 ? `prune-${kind}` : `prune-${kind}-${round}`;
          const result = await step.run(id, () => pruneRetentionKind(kind));
          summary[kind].removed += result.removed;
          summary[kind].complete = result.complete;
          if (result.complete) break;
        }
      } catch (err) {
        summary[kind].error = err instanceof Error ? err.message : String(err);
      }
    }
    await step.run("record-retention-audit", () => recordPruneAudit(summary));
    const system = await step.run("check-database", () => checkSystem());
    return { retention: summary, system };
  },
);
