import { db, type Prisma } from "@/lib/core/db";
import {
  CONFLICTS_PAGE_SIZE,
  type ConflictFilter,
  type ConflictRow,
} from "../conflict-queue-schemas";

export type ListConflictsResult = {
  conflicts: ConflictRow[];
  total: number;
  page: number;
  pageCount: number;
};

/** The where-clause a queue filter means; `type` is left out when counting by type. */
export function conflictWhere(
  filter: Omit<ConflictFilter, "page">,
  withType = true,
): Prisma.SyncConflictWhereInput {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(withType && filter.type ? { type: filter.type } : {}),
    ...(filter.connectionId ? { connectionId: filter.connectionId } : {}),
    ...(filter.q
      ? {
          OR: [
            { subjectKey: { contains: filter.q, mode: "insensitive" as const } },
            { detail: { contains: filter.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

/** One page of the conflict queue, newest lastSeenAt first, as plain JSON. */
export async function listConflicts(filter: ConflictFilter): Promise<ListConflictsResult> {
  const where = conflictWhere(filter);
  const [total, rows] = await Promise.all([
    db.syncConflict.count({ where }),
    db.syncConflict.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * CONFLICTS_PAGE_SIZE,
      take: CONFLICTS_PAGE_SIZE,
    }),
  ]);
  const connectionIds = [
    ...new Set(rows.map((r) => r.connectionId).filter((id): id is string => id !== null)),
  ];
  const connections =
    connectionIds.length > 0
      ? await db.connection.findMany({
          where: { id: { in: connectionIds } },
          select: { id: true, name: true },
        })
      : [];
  const names = new Map(connections.map((c) => [c.id, c.name]));
  return {
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / CONFLICTS_PAGE_SIZE)),
    conflicts: rows.map((r) => ({
      id: r.id,
      type: r.type,
      connectionId: r.connectionId,
      connectionName: r.connectionId ? (names.get(r.connectionId) ?? null) : null,
      runId: r.runId,
      subjectType: r.subjectType,
      subjectKey: r.subjectKey,
      hrValue: r.hrValue,
      imValue: r.imValue,
      detail: r.detail,
      status: r.status,
      resolution: r.resolution,
      note: r.note,
      resolvedBy: r.resolvedBy,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      occurrences: r.occurrences,
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
    })),
  };
}
