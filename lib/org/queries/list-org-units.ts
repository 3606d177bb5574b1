import { db } from "@/lib/core/db";

export type ListOrgUnitsOptions = {
  /** Code of the last unit of the previous page. */
  cursor?: string;
  /** Page size. */
  limit: number;
};

/** Org units ordered by code, keyset-paginated. */
export async function listOrgUnits({ cursor, limit }: ListOrgUnitsOptions) {
  const rows = await db.orgUnit.findMany({
    where: cursor ? { code: { gt: cursor } } : undefined,
    orderBy: { code: "asc" },
    take: limit + 1,
    select: {
      code: true,
      name: true,
      nameEn: true,
      path: true,
      depth: true,
      active: true,
      parent: { select: { code: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ parent, ...u }) => ({ ...u, parentCode: parent?.code ?? null })),
    nextCursor: rows.length > limit ? page[page.length - 1].code : null,
  };
}
