import { db } from "@/lib/core/db";

const CONFLICTS_SHOWN = 200;

export type HeldRunSummary = {
  /** account.disable changes the run holds. */
  disables: number;
  /** account.delete changes the run holds. */
  deletes: number;
  /** The largest destructive count that does not trip the threshold. */
  limit: number | null;
  /** The open (or rejected) deletion_threshold conflict that decides the run; null when a later run took it over. */
  conflictId: string | null;
};

/** One sync run with its connection, the conflicts it raised and, when held, what it holds. */
export async function getSyncRun(id: string) {
  const run = await db.syncRun.findUnique({
    where: { id },
    include: { connection: { select: { name: true, kind: true } } },
  });
  if (!run) return null;
  const requesterId = run.trigger.startsWith("manual:")
    ? run.trigger.slice("manual:".length)
    : null;
  const [conflicts, conflictTotal, requester] = await Promise.all([
    db.syncConflict.findMany({
      where: { runId: id },
      orderBy: [{ type: "asc" }, { subjectKey: "asc" }],
      take: CONFLICTS_SHOWN,
      select: {
        id: true,
        type: true,
        subjectType: true,
        subjectKey: true,
        detail: true,
        status: true,
        resolution: true,
        occurrences: true,
      },
    }),
    db.syncConflict.count({ where: { runId: id } }),
    requesterId ? db.user.findUnique({ where: { id: requesterId }, select: { name: true } }) : null,
  ]);
  const summary = (run.summary as Record<string, unknown> | null) ?? null;
  let held: HeldRunSummary | null = null;
  if (run.status === "AWAITING_APPROVAL") {
    const counts = (summary?.counts as Record<string, number> | undefined) ?? {};
    const threshold = conflicts.find((c) => c.type === "deletion_threshold") ?? null;
    held = {
      disables: counts["account.disable"] ?? 0,
      deletes: counts["account.delete"] ?? 0,
      limit: typeof summary?.destructiveLimit === "number" ? summary.destructiveLimit : null,
      conflictId: threshold?.id ?? null,
    };
  }
  return {
    ...run,
    summary,
    requestedBy: requester?.name ?? requesterId,
    conflictList: conflicts,
    conflictTotal,
    held,
  };
}

export type SyncRunDetail = NonNullable<Awaited<ReturnType<typeof getSyncRun>>>;
