import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type RecentHrChange = {
  type: "employee" | "unit";
  /** Employee number or department code. */
  key: string;
  name: string;
  /** Employee status, or "active"/"inactive" for a department. */
  status: string;
  /** Department of the employee, or parent of the department (code). */
  unitCode: string | null;
  version: number;
  updatedAt: Date;
};

export type ListRecentHrChangesOptions = {
  /** How many rows at most (newest first). */
  limit?: number;
};

/** The sandbox HR records changed most recently, employees and departments together, newest first. */
export async function listRecentHrChanges(
  db: SandboxDb,
  options: ListRecentHrChangesOptions = {},
): Promise<RecentHrChange[]> {
  const limit = options.limit ?? 20;
  const [employees, units] = await Promise.all([
    db.sandboxHrEmployee.findMany({
      orderBy: [{ updatedAt: "desc" }, { employeeNo: "desc" }],
      take: limit,
      select: {
        employeeNo: true,
        name: true,
        status: true,
        unitCode: true,
        version: true,
        updatedAt: true,
      },
    }),
    db.sandboxHrUnit.findMany({
      orderBy: [{ updatedAt: "desc" }, { code: "desc" }],
      take: limit,
      select: {
        code: true,
        name: true,
        active: true,
        parentCode: true,
        version: true,
        updatedAt: true,
      },
    }),
  ]);
  const rows: RecentHrChange[] = [
    ...employees.map((e) => ({
      type: "employee" as const,
      key: e.employeeNo,
      name: e.name,
      status: e.status,
      unitCode: e.unitCode,
      version: Number(e.version),
      updatedAt: e.updatedAt,
    })),
    ...units.map((u) => ({
      type: "unit" as const,
      key: u.code,
      name: u.name,
      status: u.active ? "active" : "inactive",
      unitCode: u.parentCode,
      version: Number(u.version),
      updatedAt: u.updatedAt,
    })),
  ];
  return rows
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.key.localeCompare(a.key))
    .slice(0, limit);
}
