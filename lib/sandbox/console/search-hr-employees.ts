import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type HrEmployeeMatch = {
  employeeNo: string;
  name: string;
  status: string;
  unitCode: string | null;
};

export type SearchHrEmployeesOptions = {
  /** At most this many matches. */
  limit?: number;
};

/** Sandbox HR employees whose name, English name or number contains the query (case-insensitive). */
export async function searchHrEmployees(
  db: SandboxDb,
  query: string,
  options: SearchHrEmployeesOptions = {},
): Promise<HrEmployeeMatch[]> {
  const q = query.trim();
  if (!q) return [];
  return db.sandboxHrEmployee.findMany({
    where: {
      OR: [
        { employeeNo: { contains: q, mode: "insensitive" } },
        { name: { contains: q, mode: "insensitive" } },
        { nameEn: { contains: q, mode: "insensitive" } },
      ],
    },
    orderBy: { employeeNo: "asc" },
    take: options.limit ?? 10,
    select: { employeeNo: true, name: true, status: true, unitCode: true },
  });
}
