import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import type { DecideHeldRunOptions } from "./approve-held-run";
import { loadHeldRun } from "../queries/load-held-run";

/**
 * Rejects a run held by the safety threshold: its deletion_threshold conflict is
 * resolved KEEP_IM (the engine's "reject") and the run ends REJECTED; nothing is applied.
 */
export async function rejectHeldRun(options: DecideHeldRunOptions): Promise<void> {
  const resolvedBy = options.actor.name ?? options.actor.id;
  await db.$transaction(async (tx) => {
    const { run, conflict } = await loadHeldRun(tx, options.runId);
    const now = new Date();
    await tx.syncConflict.update({
      where: { id: conflict.id },
      data: { status: "RESOLVED", resolution: "KEEP_IM", resolvedBy, resolvedAt: now },
    });
    await tx.syncRun.update({
      where: { id: run.id },
      data: { status: "REJECTED", finishedAt: now },
    });
    await recordAudit(tx, options.actor, {
      action: "sync.rejected",
      targetType: "sync_run",
      targetId: run.id,
      before: {
        status: "AWAITING_APPROVAL",
        conflict: { status: conflict.status, resolution: conflict.resolution },
      },
      after: {
        status: "REJECTED",
        conflict: { id: conflict.id, status: "RESOLVED", resolution: "KEEP_IM" },
      },
    });
  });
}
