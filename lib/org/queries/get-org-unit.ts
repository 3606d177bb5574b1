import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";

/** One org unit by its HR code, with its parent's code, its manager and how many people it holds. */
export async function getOrgUnit(code: string) {
  const unit = await db.orgUnit.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      nameEn: true,
      path: true,
      depth: true,
      active: true,
      updatedAt: true,
      parent: { select: { code: true } },
      manager: { select: { employeeNo: true } },
      _count: { select: { employees: true, children: true } },
    },
  });
  if (!unit) throw notFound("Org unit");
  const { parent, manager, _count, ...rest } = unit;
  return {
    ...rest,
    parentCode: parent?.code ?? null,
    managerEmployeeNo: manager?.employeeNo ?? null,
    employeeCount: _count.employees,
    childCount: _count.children,
  };
}
