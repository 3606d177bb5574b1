import { db } from "@/lib/core/db";

/**
 * Employees whose manager reference has an open conflict on this IM target naming one of `managerNos`
 * as the manager (loop or out of scope): an incremental run about those managers plans them too, so a
 * manager who arrives, joins the scope or leaves a loop is written to their reports at once rather
 * than at the next full sync.
 */
export async function listReportsAwaitingManager(
  connectionId: string,
  managerNos: string[],
): Promise<string[]> {
  if (managerNos.length === 0) return [];
  const rows = await db.$queryRaw<{ subjectKey: string }[]>`
    SELECT "subjectKey" FROM "SyncConflict"
    WHERE "connectionId" = ${connectionId} AND status = 'OPEN'
      AND type IN ('manager_cycle', 'manager_out_of_scope')
      AND "hrValue"->>'managerNo' = ANY(${managerNos}::text[])`;
  return rows.map((r) => r.subjectKey);
}
