import { db } from "@/lib/core/db";
import { failSyncRun } from "./finish-sync-run";

/**
 * Marks the connection's unfinished runs FAILED. For the sync function's failure
 * handler: runs are one at a time per IM connection, so the open one is the one that died.
 */
export async function failOpenSyncRuns(connectionId: string, error: string): Promise<number> {
  const open = await db.syncRun.findMany({
    where: { connectionId, status: { in: ["QUEUED", "PLANNING", "RUNNING"] } },
    select: { id: true },
  });
  for (const run of open) await failSyncRun(run.id, error);
  return open.length;
}
