import { inngest } from "../client";
import { pruneApiLog } from "@/lib/core/api/search-api-log";
import { envSection } from "@/lib/core/env";
import { checkSystem } from "@/lib/jobs/engine/check-system";

/**
 * Nightly housekeeping (03:00 server time, or on request): applies the API
 * request log's retention. The full HR↔IM reconciliation joins this schedule
 * with the sync issue.
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
    const retentionDays = envSection("company").API_LOG_RETENTION_DAYS;
    const pruned = await step.run("prune-api-request-log", () => pruneApiLog(retentionDays));
    const system = await step.run("check-database", () => checkSystem());
    return { pruned, retentionDays, system };
  },
);
