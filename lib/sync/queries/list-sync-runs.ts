import { db, type Prisma } from "@/lib/core/db";
import type { SyncRunListInput, SyncRunRow } from "../sync-run-schemas";

const HOUR_MS = 3_600_000;

/**
 * Recent sync runs, newest first, as plain JSON (the list polls it); keyset-paginated by
 * (startedAt, id) after `cursor`. Kind "all" (the console's default) leaves incremental runs out —
 * one per HR push, the page shows them per hour; no kind at all (the API) lists every kind. `hour`
 * narrows to the runs started in that hour. The kind filters are served by the (kind, startedAt) index.
 */
export async function listSyncRuns(
  input: Pick<SyncRunListInput, "limit"> & Partial<SyncRunListInput>,
): Promise<{ runs: SyncRunRow[]; nextCursor: string | null }> {
  const after = input.cursor
    ? await db.syncRun.findUnique({
        where: { id: input.cursor },
        select: { id: true, startedAt: true },
      })
    : null;
  if (input.cursor && !after) return { runs: [], nextCursor: null };
  const connectionId = input.connection ?? input.connectionId;
  const where: Prisma.SyncRunWhereInput = {
    ...(input.kind === "all"
      ? { kind: { in: ["FULL", "DRY_RUN", "RECONCILE"] } }
      : input.kind
        ? { kind: input.kind }
        : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(connectionId ? { connectionId } : {}),
    ...(input.hour
      ? {
          startedAt: {
            gte: new Date(input.hour),
            lt: new Date(new Date(input.hour).getTime() + HOUR_MS),
          },
        }
      : {}),
    ...(after
      ? {
          OR: [
            { startedAt: { lt: after.startedAt } },
            { startedAt: after.startedAt, id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await db.syncRun.findMany({
    where,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include: { connection: { select: { name: true } } },
  });
  const runs = rows.slice(0, input.limit);
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
    nextCursor: rows.length > input.limit ? runs[runs.length - 1].id : null,
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
