import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type ImMemberRow = {
  userid: string;
  name: string;
  position: string | null;
  enabled: boolean;
  /** This department is the member's main one. */
  isMain: boolean;
};

export type ListImDepartmentMembersOptions = {
  /** 1-based page. */
  page?: number;
  /** Rows per page. */
  size?: number;
};

/** One page of the members directly in a sandbox IM department, by userid. */
export async function listImDepartmentMembers(
  db: SandboxDb,
  departmentId: number,
  options: ListImDepartmentMembersOptions = {},
) {
  const size = options.size ?? 50;
  const page = Math.max(1, options.page ?? 1);
  const where = { departments: { has: departmentId } };
  const [rows, total] = await Promise.all([
    db.sandboxImUser.findMany({
      where,
      orderBy: { useridLower: "asc" },
      skip: (page - 1) * size,
      take: size,
    }),
    db.sandboxImUser.count({ where }),
  ]);
  const members: ImMemberRow[] = rows.map((u) => ({
    userid: u.userid,
    name: u.name,
    position: u.position,
    enabled: u.enable !== 0,
    isMain: (u.mainDepartment ?? u.departments[0]) === departmentId,
  }));
  return { members, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}
