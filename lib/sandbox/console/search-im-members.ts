import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type ImMemberMatch = { userid: string; name: string; enabled: boolean };

/** Sandbox IM members whose name or userid contains the query (case-insensitive), at most `limit`. */
export async function searchImMembers(
  db: SandboxDb,
  query: string,
  limit = 20,
): Promise<ImMemberMatch[]> {
  const q = query.trim();
  if (!q) return [];
  const rows = await db.sandboxImUser.findMany({
    where: {
      OR: [
        { useridLower: { contains: q.toLowerCase() } },
        { name: { contains: q, mode: "insensitive" } },
      ],
    },
    orderBy: { useridLower: "asc" },
    take: limit,
    select: { userid: true, name: true, enable: true },
  });
  return rows.map((u) => ({ userid: u.userid, name: u.name, enabled: u.enable !== 0 }));
}
