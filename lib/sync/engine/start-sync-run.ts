import { db } from "@/lib/core/db";

export type StartSyncRunOptions = {
  /** The IM_TARGET connection to sync. */
  connectionId: string;
  /** FULL, or DRY_RUN to plan without applying. */
  kind: "FULL" | "DRY_RUN" | "RECONCILE" | "INCREMENTAL";
  /** cron, manual:<user>, … */
  trigger: string;
};

/** Opens a sync run in PLANNING, so the console shows it while HR and IM are read. */
export async function startSyncRun(options: StartSyncRunOptions): Promise<{ runId: string }> {
  const run = await db.syncRun.create({
    data: {
      connectionId: options.connectionId,
      kind: options.kind,
      trigger: options.trigger,
      status: "PLANNING",
    },
  });
  return { runId: run.id };
}
