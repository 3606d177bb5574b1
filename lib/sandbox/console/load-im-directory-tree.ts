import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type ImTreeNode = {
  id: number;
  name: string;
  nameEn?: string;
  /** Members whose department list includes this one. */
  members: number;
  /** Members here and in every department below. */
  totalMembers: number;
  children: ImTreeNode[];
};

export type ImDirectoryTree = {
  /** The root department (id 1), or null before the sandbox IM created it. */
  root: ImTreeNode | null;
  departments: number;
  members: number;
};

/**
 * The sandbox IM's department tree with member counts only (no member rows), so the preview
 * stays quick with thousands of members. Counted in SQL over the members' department arrays.
 */
export async function loadImDirectoryTree(db: SandboxDb): Promise<ImDirectoryTree> {
  const [departments, counts, total] = await Promise.all([
    db.sandboxImDepartment.findMany({
      select: { id: true, name: true, nameEn: true, parentId: true },
      orderBy: [{ order: "asc" }, { id: "asc" }],
    }),
    db.$queryRaw<{ id: number; n: number }[]>`
      SELECT d AS id, count(*)::int AS n FROM "SandboxImUser", unnest("departments") AS d GROUP BY d`,
    db.sandboxImUser.count(),
  ]);
  const direct = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
  const nodes = new Map<number, ImTreeNode & { parentId: number }>(
    departments.map((d) => [
      d.id,
      {
        id: d.id,
        name: d.name,
        nameEn: d.nameEn ?? undefined,
        parentId: d.parentId,
        members: direct.get(d.id) ?? 0,
        totalMembers: 0,
        children: [],
      },
    ]),
  );
  for (const node of nodes.values())
    if (node.id !== 1) nodes.get(node.parentId)?.children.push(node);
  const root = nodes.get(1) ?? null;
  const seen = new Set<number>();
  const count = (n: ImTreeNode): number => {
    if (seen.has(n.id)) return 0;
    seen.add(n.id);
    return (n.totalMembers = n.members + n.children.reduce((s, c) => s + count(c), 0));
  };
  if (root) count(root);
  const strip = ({ parentId: _, ...n }: ImTreeNode & { parentId?: number }): ImTreeNode => ({
    ...n,
    children: n.children.map(strip),
  });
  return { root: root ? strip(root) : null, departments: departments.length, members: total };
}
