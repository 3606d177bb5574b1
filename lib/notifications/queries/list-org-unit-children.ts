import { db } from "@/lib/core/db";

/** The active units directly under `parentCode` (the roots when null), by code, for browsing the org tree. */
export async function listOrgUnitChildren(parentCode: string | null) {
  const rows = await db.orgUnit.findMany({
    where: { active: true, parent: parentCode ? { code: parentCode } : null },
    orderBy: { code: "asc" },
    take: 500,
    select: {
      code: true,
      name: true,
      nameEn: true,
      depth: true,
      _count: { select: { children: { where: { active: true } } } },
    },
  });
  return rows.map(({ _count, ...u }) => ({ ...u, hasChildren: _count.children > 0 }));
}

export type OrgTreeNode = Awaited<ReturnType<typeof listOrgUnitChildren>>[number];
