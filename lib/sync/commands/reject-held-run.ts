import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { loadHeldRun } from "../queries/load-held-run";
import type { HeldRunDecisionInput } from "../sync-run-schemas";

/**
 * Rejects a run held by the safety threshold: its deletion_threshold conflict is
 * resolved KEEP_IM (the engine's "reject") and the run ends REJECTED; nothing is applied.
 */
export async function rejectHeldRun(
  { runId }: HeldRunDecisionInput,
  ctx: CommandContext,
): Promise<void> {
  const resolvedBy = ctx.actor.name ?? ctx.actor.id;
  await inTransaction(ctx, async (tx) => {
    const { run, conflict } = await loadHeldRun(tx, runId);
    const now = new Date();
    await tx.syncConflict.update({
      where: { id: conflict.id },
      data: { status: "RESOLVED", resolution: "KEEP_IM", resolvedBy, resolvedAt: now },
    });
    await tx.syncRun.update({
      where: { id: run.id },
      data: { status: "REJECTED", finishedAt: now },
    });
    await recordAudit(tx, ctx.actor, {
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
