import { db } from "@/lib/core/db";

export type DirectoryStats = {
  orgUnits: number;
  employees: number;
  byStatus: Record<string, number>;
  /** Head count per first-level division, largest first. */
  byDivision: { code: string; name: string; nameEn: string | null; count: number }[];
  imAccounts: number;
  openConflicts: number;
  lastSync: { status: string; finishedAt: Date | null; startedAt: Date } | null;
};

export async function getDirectoryStats(): Promise<DirectoryStats> {
  const [orgUnits, statusGroups, divisions, imAccounts, openConflicts, lastSync] =
    await Promise.all([
      db.orgUnit.count({ where: { active: true } }),
      db.employee.groupBy({ by: ["status"], _count: { _all: true } }),
      db.$queryRaw<{ code: string; name: string; nameEn: string | null; count: bigint }[]>`
      SELECT d.code, d.name, d."nameEn", count(e.id) AS count
      FROM "OrgUnit" d
      JOIN "OrgUnit" u ON u.path = d.path OR u.path LIKE d.path || '/%'
      LEFT JOIN "Employee" e ON e."orgUnitId" = u.id AND e.status <> 'TERMINATED'
      WHERE d.depth = 1 AND d.active
      GROUP BY d.code, d.name, d."nameEn"
      ORDER BY count DESC`,
      db.imAccount.count({ where: { state: { in: ["ACTIVE", "SUSPENDED"] } } }),
      db.syncConflict.count({ where: { status: "OPEN" } }),
      db.syncRun.findFirst({
        orderBy: { startedAt: "desc" },
        select: { status: true, finishedAt: true, startedAt: true },
      }),
    ]);
  const byStatus = Object.fromEntries(statusGroups.map((g) => [g.status, g._count._all]));
  return {
    orgUnits,
    employees: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    byDivision: divisions.map((d) => ({ ...d, count: Number(d.count) })),
    imAccounts,
    openConflicts,
    lastSync,
  };
}
