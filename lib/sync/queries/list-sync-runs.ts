import { db } from "@/lib/core/db";
import type { SyncRunListInput, SyncRunRow } from "../sync-run-schemas";

/** Recent sync runs, newest first, as plain JSON (the list polls it). */
export async function listSyncRuns(input: SyncRunListInput): Promise<{ runs: SyncRunRow[] }> {
  const runs = await db.syncRun.findMany({
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
