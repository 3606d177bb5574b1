import { db } from "@/lib/core/db";

/** Up to `limit` active org units whose code or name contains `q`, shallow ones first. */
export async function searchOrgUnits(q: string, limit = 15) {
  const rows = await db.orgUnit.findMany({
    where: {
      active: true,
      ...(q
        ? {
            OR: [
              { code: { contains: q, mode: "insensitive" } },
              { name: { contains: q } },
              { nameEn: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
    take: limit,
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

export type OrgUnitOption = Awaited<ReturnType<typeof searchOrgUnits>>[number];
