import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/core/errors";

/**
 * Finds a held run and the deletion_threshold conflict that decides it, inside
 * the caller's transaction (so two admins cannot both decide).
 */
export async function loadHeldRun(tx: Prisma.TransactionClient, runId: string) {
  const run = await tx.syncRun.findUnique({
    where: { id: runId },
    select: { id: true, status: true, connectionId: true, approvedAt: true },
  });
  if (!run) throw new AppError(404, "not_found", "Sync run not found.");
  if (run.status !== "AWAITING_APPROVAL")
    throw new AppError(409, "not_held", "This run is not waiting for approval.");
  if (run.approvedAt)
    throw new AppError(
      409,
      "already_approved",
      "This run was already approved; a new run applies its changes.",
    );
  const conflict = await tx.syncConflict.findFirst({
    where: { runId, type: "deletion_threshold" },
  });
  // recordConflicts moves a repeated conflict to the latest run, so an older held run loses it.
  if (!conflict)
    throw new AppError(
      409,
      "superseded",
      "A later run holds the same changes; decide that run instead.",
    );
  return { run, conflict };
}
