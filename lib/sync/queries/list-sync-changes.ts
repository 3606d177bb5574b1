import { db } from "@/lib/core/db";
import { CHANGES_PAGE_SIZE, type SyncChangeFilter } from "../sync-run-schemas";

/**
 * One page of a run's change log in plan order, filtered by status and op, with
 * the total and the ops the run has (for the filter). Never loads the whole run:
 * a run can hold 100k changes.
 */
export async function listSyncChanges(
  runId: string,
  filter: SyncChangeFilter,
  pageSize = CHANGES_PAGE_SIZE,
) {
  const where = { runId, status: filter.status, op: filter.op };
  const [total, ops] = await Promise.all([
    db.syncChange.count({ where }),
    db.syncChange.groupBy({ by: ["op"], where: { runId }, orderBy: { op: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const rows = await db.syncChange.findMany({
    where,
    orderBy: { seq: "asc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      seq: true,
      op: true,
      targetType: true,
      targetKey: true,
      before: true,
      after: true,
      status: true,
      errorCode: true,
      error: true,
      appliedAt: true,
    },
  });
  return { rows, total, page, pages, pageSize, ops: ops.map((o) => o.op) };
}

export type SyncChangePage = Awaited<ReturnType<typeof listSyncChanges>>;
