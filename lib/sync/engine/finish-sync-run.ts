import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshRunCounters, type RunCounters } from "./apply-sync-batch";
import { emitSyncEvents } from "./emit-sync-events";

export type FinishSyncRunResult = RunCounters & { status: "SUCCEEDED" | "PARTIAL" | "FAILED" };

/** Closes an applied run: SUCCEEDED when nothing failed, FAILED when nothing got through, PARTIAL otherwise; then tells subscribed systems (callbacks). */
export async function finishSyncRun(runId: string): Promise<FinishSyncRunResult> {
  const counters = await refreshRunCounters(runId);
  const run = await db.syncRun.findUniqueOrThrow({
    where: { id: runId },
    select: { summary: true },
  });
  const status =
    counters.failed === 0 ? "SUCCEEDED" : counters.applied === 0 ? "FAILED" : "PARTIAL";
  const summary = {
    ...((run.summary as Record<string, unknown> | null) ?? {}),
    result: { ...counters, status },
  };
  await db.syncRun.update({
    where: { id: runId },
    data: {
      status,
      finishedAt: new Date(),
      summary: summary as Prisma.InputJsonValue,
      ...(status === "FAILED" ? { error: `${counters.failed} changes failed` } : {}),
    },
  });
  await emitSyncEvents(runId);
  return { ...counters, status };
}

/** Marks a run FAILED after an error that stopped it (the function's failure handler). */
export async function failSyncRun(runId: string, error: string): Promise<void> {
  await refreshRunCounters(runId);
  await db.syncRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "PLANNING", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: error.slice(0, 2_000) },
  });
}
