import { db } from "@/lib/core/db";

const LIMIT = 20;

/**
 * Employees whose number, name or e-mail contains `q` (case-insensitive), exact employee
 * numbers first. For the console's search box: at most 20, so a short query stays cheap to show.
 */
export async function searchEmployees(q: string) {
  const term = q.trim();
  if (!term) return [];
  const rows = await db.employee.findMany({
    where: {
      OR: [
        { employeeNo: { contains: term, mode: "insensitive" } },
        { name: { contains: term, mode: "insensitive" } },
        { nameEn: { contains: term, mode: "insensitive" } },
        { email: { contains: term, mode: "insensitive" } },
      ],
    },
    orderBy: { employeeNo: "asc" },
    take: LIMIT + 1,
    select: {
      employeeNo: true,
      name: true,
      email: true,
      status: true,
      orgUnit: { select: { name: true } },
    },
  });
  const exact = (no: string) => no.toLowerCase() === term.toLowerCase();
  const sorted = [...rows].sort(
    (a, b) => Number(exact(b.employeeNo)) - Number(exact(a.employeeNo)),
  );
  return sorted.slice(0, LIMIT).map(({ orgUnit, ...e }) => ({
    ...e,
    orgUnitName: orgUnit?.name ?? null,
  }));
}
