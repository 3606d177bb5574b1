import { db, type Prisma } from "@/lib/core/db";
import {
  CONFLICTS_PAGE_SIZE,
  type ConflictFilter,
  type ConflictRow,
} from "../conflict-queue-schemas";
import { conflictRowView } from "../rules/conflict-row-view";

export type ListConflictsResult = {
  conflicts: ConflictRow[];
  total: number;
  page: number;
  pageCount: number;
  /** With `keyset`: the id to continue after, null on the last page. */
  nextCursor: string | null;
};

/** Keyset paging for the API: after the conflict `cursor` (newest lastSeenAt first), `limit` rows. */
export type ConflictKeyset = { cursor?: string; limit: number };

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

/**
 * One page of the conflict queue, newest lastSeenAt first, as plain JSON: by page number (the
 * console) or, given `keyset`, after a cursor (the API).
 */
export async function listConflicts(
  filter: ConflictFilter,
  keyset?: ConflictKeyset,
): Promise<ListConflictsResult> {
  const where = conflictWhere(filter);
  const after = keyset?.cursor
    ? await db.syncConflict.findUnique({
        where: { id: keyset.cursor },
        select: { id: true, lastSeenAt: true },
      })
    : null;
  const take = keyset ? keyset.limit + 1 : CONFLICTS_PAGE_SIZE;
  const [total, fetched] = await Promise.all([
    db.syncConflict.count({ where }),
    keyset?.cursor && !after
      ? []
      : db.syncConflict.findMany({
          where: after
            ? {
                AND: [
                  where,
                  {
                    OR: [
                      { lastSeenAt: { lt: after.lastSeenAt } },
                      { lastSeenAt: after.lastSeenAt, id: { gt: after.id } },
                    ],
                  },
                ],
              }
            : where,
          orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
          skip: keyset ? 0 : (filter.page - 1) * CONFLICTS_PAGE_SIZE,
          take,
        }),
  ]);
  const rows = keyset ? fetched.slice(0, keyset.limit) : fetched;
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
    nextCursor: keyset && fetched.length > keyset.limit ? rows[rows.length - 1].id : null,
    conflicts: rows.map((r) =>
      conflictRowView(r, r.connectionId ? (names.get(r.connectionId) ?? null) : null),
    ),
  };
}
