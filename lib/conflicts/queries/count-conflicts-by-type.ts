import { db } from "@/lib/core/db";
import type { ConflictFilter } from "../conflict-queue-schemas";
import { conflictWhere } from "./list-conflicts";

export type ConflictTypeCount = { type: string; count: number };

/** How many conflicts of each type match the filter (ignoring its type), most first. */
export async function countConflictsByType(
  filter: Omit<ConflictFilter, "page">,
): Promise<ConflictTypeCount[]> {
  const groups = await db.syncConflict.groupBy({
    by: ["type"],
    where: conflictWhere(filter, false),
    _count: { _all: true },
  });
  return groups
    .map((g) => ({ type: g.type, count: g._count._all }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}
