import { db, type Prisma } from "@/lib/core/db";
import type { SyncRunListInput, SyncRunRow } from "../sync-run-schemas";

const HOUR_MS = 3_600_000;

/**
 * Recent sync runs, newest first, as plain JSON (the list polls it). Kind "all" leaves incremental runs
 * out (one per HR push: the page shows them per hour); `hour` narrows to the runs started in that hour.
 * Every filter is served by the (kind, startedAt) index.
 */
export async function listSyncRuns(
  input: Pick<SyncRunListInput, "limit"> & Partial<SyncRunListInput>,
): Promise<{ runs: SyncRunRow[] }> {
  const kind = input.kind ?? "all";
  const where: Prisma.SyncRunWhereInput = {
    kind: kind === "all" ? { in: ["FULL", "DRY_RUN", "RECONCILE"] } : kind,
    ...(input.connection ? { connectionId: input.connection } : {}),
    ...(input.hour
      ? {
          startedAt: {
            gte: new Date(input.hour),
            lt: new Date(new Date(input.hour).getTime() + HOUR_MS),
          },
        }
      : {}),
  };
  const runs = await db.syncRun.findMany({
    where,
    orderBy: { startedAt: "desc" },
    take: input.limit,
    include: { connection: { select: { name: true } } },
  });
  const userIds = [
    ...new Set(
      runs.map((r) => manualRequester(r.trigger)).filter((id): id is string => id !== null),
    ),
  ];
  const users =
    userIds.length > 0
      ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    runs: runs.map((r) => {
      const requester = manualRequester(r.trigger);
      return {
        id: r.id,
        connectionId: r.connectionId,
        connectionName: r.connection.name,
        kind: r.kind,
        trigger: r.trigger,
        requestedBy: requester ? (names.get(requester) ?? requester) : null,
        status: r.status,
        planned: r.planned,
        applied: r.applied,
        failed: r.failed,
        skipped: r.skipped,
        conflicts: r.conflicts,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
      };
    }),
  };
}

/** The user id in a "manual:<user id>" trigger. */
function manualRequester(trigger: string): string | null {
  return trigger.startsWith("manual:") ? trigger.slice("manual:".length) || null : null;
}
