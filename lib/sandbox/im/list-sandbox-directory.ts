import type { SandboxDb } from "../shared/create-sandbox-db";

export type SandboxMember = {
  userid: string;
  name: string;
  position?: string;
  mobile?: string;
  email?: string;
  enabled: boolean;
  /** This department is the member's main one. */
  isMain: boolean;
};

export type SandboxDirectoryNode = {
  id: number;
  name: string;
  nameEn?: string;
  parentId: number;
  order: number;
  members: SandboxMember[];
  children: SandboxDirectoryNode[];
  /** Members in this department and everything below it. */
  totalMembers: number;
};

/** The sandbox IM's whole directory as a tree from the root (id 1), for the console's IM preview. */
export async function listSandboxDirectory(db: SandboxDb): Promise<SandboxDirectoryNode> {
  const [departments, users] = await Promise.all([
    db.sandboxImDepartment.findMany({ orderBy: [{ order: "asc" }, { id: "asc" }] }),
    db.sandboxImUser.findMany({ orderBy: { useridLower: "asc" } }),
  ]);
  const nodes = new Map<number, SandboxDirectoryNode>(
    departments.map((d) => [
      d.id,
      {
        id: d.id,
        name: d.name,
        nameEn: d.nameEn ?? undefined,
        parentId: d.parentId,
        order: d.order,
        members: [],
        children: [],
        totalMembers: 0,
      },
    ]),
  );
  for (const u of users) {
    for (const deptId of u.departments) {
      nodes.get(deptId)?.members.push({
        userid: u.userid,
        name: u.name,
        position: u.position ?? undefined,
        mobile: u.mobile ?? undefined,
        email: u.email ?? undefined,
        enabled: u.enable !== 0,
        isMain: (u.mainDepartment ?? u.departments[0]) === deptId,
      });
    }
  }
  for (const node of nodes.values()) nodes.get(node.parentId)?.children.push(node);
  const root = nodes.get(1) ?? {
    id: 1,
    name: "(root)",
    parentId: 0,
    order: 0,
    members: [],
    children: [],
    totalMembers: 0,
  };
  const count = (n: SandboxDirectoryNode): number =>
    (n.totalMembers = n.members.length + n.children.reduce((s, c) => s + count(c), 0));
  count(root);
  return root;
}
