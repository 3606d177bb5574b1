import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ListEmployeesOptions = {
  /** Employee number of the last employee of the previous page. */
  cursor?: string;
  limit: number;
  status?: "ONBOARDING" | "ACTIVE" | "ON_LEAVE" | "TERMINATED";
  /** Only employees of this unit (by code)… */
  orgUnitCode?: string;
  /** …and of every unit below it. */
  includeDescendants?: boolean;
  /** Only employees changed at or after this instant (incremental pulls). */
  updatedSince?: Date;
  /** Exact e-mail (case-insensitive). */
  email?: string;
};

export const employeeListSelect = {
  employeeNo: true,
  name: true,
  nameEn: true,
  email: true,
  title: true,
  status: true,
  hireDate: true,
  terminationDate: true,
  updatedAt: true,
  orgUnit: { select: { code: true } },
  manager: { select: { employeeNo: true } },
} satisfies Prisma.EmployeeSelect;

/** Employees ordered by employee number, keyset-paginated, with the API's filters. */
export async function listEmployees(options: ListEmployeesOptions) {
  const where: Prisma.EmployeeWhereInput = {
    ...(options.cursor ? { employeeNo: { gt: options.cursor } } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(options.updatedSince ? { updatedAt: { gte: options.updatedSince } } : {}),
    ...(options.email ? { email: { equals: options.email, mode: "insensitive" } } : {}),
  };
  if (options.orgUnitCode) {
    const unit = await db.orgUnit.findUnique({
      where: { code: options.orgUnitCode },
      select: { id: true, path: true },
    });
    if (!unit) return { items: [], nextCursor: null };
    // A path ends with the unit's own code ("/HQ/ENG"), so "/HQ/ENG/" finds only units below it.
    where.orgUnit = options.includeDescendants
      ? { OR: [{ id: unit.id }, { path: { startsWith: `${unit.path.replace(/\/$/, "")}/` } }] }
      : { id: unit.id };
  }
  const rows = await db.employee.findMany({
    where,
    orderBy: { employeeNo: "asc" },
    take: options.limit + 1,
    select: employeeListSelect,
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(({ orgUnit, manager, ...e }) => ({
      ...e,
      orgUnitCode: orgUnit?.code ?? null,
      managerEmployeeNo: manager?.employeeNo ?? null,
    })),
    nextCursor: rows.length > options.limit ? page[page.length - 1].employeeNo : null,
  };
}
