import { recordAudit } from "@/lib/core/audit/record-audit";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { loadHeldRun } from "../queries/load-held-run";
import type { HeldRunDecisionInput } from "../sync-run-schemas";
import { requestSync, type RequestSyncOptions } from "./request-sync";

/**
 * Approves a run held by the safety threshold the way the engine expects:
 * resolve its deletion_threshold conflict KEEP_HR (approving exactly that set of
 * disables/deletes), then request a new sync, which proceeds with the same set.
 * The held run keeps its status and records who approved it.
 */
export async function approveHeldRun(
  { runId }: HeldRunDecisionInput,
  ctx: CommandContext,
  options: RequestSyncOptions = {},
): Promise<{ eventId: string }> {
  ownTransactionOnly(ctx, "approveHeldRun");
  const resolvedBy = ctx.actor.name ?? ctx.actor.id;
  const { connectionId } = await db.$transaction(async (tx) => {
    const { run, conflict } = await loadHeldRun(tx, runId);
    const now = new Date();
    await tx.syncConflict.update({
      where: { id: conflict.id },
      data: { status: "RESOLVED", resolution: "KEEP_HR", resolvedBy, resolvedAt: now },
    });
    await tx.syncRun.update({
      where: { id: run.id },
      data: { approvedBy: resolvedBy, approvedAt: now },
    });
    await recordAudit(tx, ctx.actor, {
      action: "sync.approved",
      targetType: "sync_run",
      targetId: run.id,
      before: { conflict: { status: conflict.status, resolution: conflict.resolution } },
      after: { conflict: { id: conflict.id, status: "RESOLVED", resolution: "KEEP_HR" } },
    });
    return run;
  });
  // After the commit, so the new plan finds the approval.
  return requestSync(
    { connectionId, dryRun: false, reason: { approvedRunId: runId } },
    { actor: ctx.actor },
    options,
  );
}
