import { db } from "@/lib/core/db";

/** Employees drained from one IM target's queue, with the versions read (see {@link clearPendingEmployees}). */
export type DrainedEmployees = { employeeNos: string[]; versions: number[] };

/**
 * Queues merged employees for every target, one statement: new ones are inserted, ones already
 * queued get a new version (so a drain that read the old version leaves them queued). Safe to repeat.
 */
export async function queuePendingEmployees(
  connectionIds: string[],
  employeeNos: string[],
): Promise<void> {
  if (!connectionIds.length || !employeeNos.length) return;
  const targets = connectionIds.flatMap((id) => employeeNos.map(() => id));
  const nos = connectionIds.flatMap(() => employeeNos);
  await db.$executeRaw`
    INSERT INTO "SyncPending" ("connectionId", "employeeNo")
    SELECT * FROM unnest(${targets}::text[], ${nos}::text[])
    ON CONFLICT ("connectionId", "employeeNo")
      DO UPDATE SET version = "SyncPending".version + 1, "queuedAt" = now()`;
}

/**
 * Everyone queued for a target, oldest first. Reads without taking: the target's runs never overlap
 * (hr-target-sync's concurrency key), and a retried step reads them again.
 */
export async function readPendingEmployees(connectionId: string): Promise<DrainedEmployees> {
  const rows = await db.syncPending.findMany({
    where: { connectionId },
    select: { employeeNo: true, version: true },
    orderBy: [{ queuedAt: "asc" }, { employeeNo: "asc" }],
  });
  return { employeeNos: rows.map((r) => r.employeeNo), versions: rows.map((r) => r.version) };
}

/** Removes what a run applied: only the versions it read, so a change queued meanwhile stays. */
export async function clearPendingEmployees(
  connectionId: string,
  drained: DrainedEmployees,
): Promise<number> {
  if (!drained.employeeNos.length) return 0;
  return db.$executeRaw`
    DELETE FROM "SyncPending" AS p
    USING unnest(${drained.employeeNos}::text[], ${drained.versions}::int[]) AS d(no, version)
    WHERE p."connectionId" = ${connectionId} AND p."employeeNo" = d.no AND p.version = d.version`;
}
