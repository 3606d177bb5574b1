import { db } from "@/lib/core/db";

/** Up to `limit` employees whose 工号, name or English name contains `q` (工号 prefix matches first). */
export async function searchEmployees(q: string, limit = 10) {
  if (!q) return [];
  const rows = await db.employee.findMany({
    where: {
      status: { not: "TERMINATED" },
      OR: [
        { employeeNo: { startsWith: q, mode: "insensitive" } },
        { name: { contains: q } },
        { nameEn: { contains: q, mode: "insensitive" } },
      ],
    },
    orderBy: { employeeNo: "asc" },
    take: limit,
    select: {
      employeeNo: true,
      name: true,
      nameEn: true,
      timeZone: true,
      orgUnit: { select: { name: true, nameEn: true } },
    },
  });
  return rows.map(({ orgUnit, ...e }) => ({
    ...e,
    orgUnitName: orgUnit?.name ?? null,
    orgUnitNameEn: orgUnit?.nameEn ?? null,
  }));
}

export type EmployeeOption = Awaited<ReturnType<typeof searchEmployees>>[number];
