import { inngest } from "../client";
import { dueScheduledRun, SCHEDULER_TICK_MINUTES } from "@/lib/sync/sync-settings-schema";
import { loadSyncSchedule } from "@/lib/sync/commands/sync-settings";
import { listNightlySyncTargets } from "@/lib/sync/engine/list-nightly-sync-targets";
import { deepReadDue } from "@/lib/sync/rules/deep-read-due";

/**
 * Scheduled full sync: wakes every 15 minutes and, when the schedule IT set on the sync settings page
 * (default 02:30 daily, company time zone; off allowed) had an instant since the last tick, requests a
 * full sync of every enabled IM target against the first enabled HR source. On Sundays (company time
 * zone) the sync reads the IM in full, so hand edits the no-change shortcuts cannot see surface weekly.
 */
export const hrNightlySync = inngest.createFunction(
  {
    id: "hr-nightly-sync",
    name: "Scheduled HR → IM full sync",
    retries: 3,
    triggers: [{ cron: `*/${SCHEDULER_TICK_MINUTES} * * * *` }],
  },
  async ({ step }) => {
    const due = await step.run("due", async () => {
      const { schedule, timeZone } = await loadSyncSchedule();
      const at = dueScheduledRun(schedule, timeZone, new Date());
      return at ? { at: at.toISOString(), deep: deepReadDue(at, timeZone) } : null;
    });
    if (!due) return { requested: 0 };
    const targets = await step.run("list-targets", () => listNightlySyncTargets());
    const { hrConnectionId } = targets;
    if (!hrConnectionId || targets.connectionIds.length === 0) return { requested: 0 };
    await step.sendEvent(
      "request-syncs",
      targets.connectionIds.map((connectionId) => ({
        name: "hr/sync.requested",
        // One sync per target per scheduled instant, however often this step is retried.
        id: `scheduled-sync-${due.at}-${connectionId}`,
        data: { connectionId, hrConnectionId, requestedBy: "cron", deepImRead: due.deep },
      })),
    );
    return { requested: targets.connectionIds.length, due: due.at, deepImRead: due.deep };
  },
);
