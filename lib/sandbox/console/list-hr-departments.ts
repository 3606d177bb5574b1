import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

export type HrDepartmentOption = {
  code: string;
  name: string;
  /** 0 for a top-level department. */
  depth: number;
  active: boolean;
};

/** Every sandbox HR department in tree order (parents before children), for the simulator's pickers. */
export async function listHrDepartments(db: SandboxDb): Promise<HrDepartmentOption[]> {
  const units = await db.sandboxHrUnit.findMany({
    select: { code: true, name: true, parentCode: true, active: true },
    orderBy: { code: "asc" },
  });
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, typeof units>();
  for (const u of units) {
    // A parent that is not in the table makes its child a root, so no department goes missing.
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: HrDepartmentOption[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push({ code: u.code, name: u.name, depth, active: u.active });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  // Departments caught in a parent cycle are never reached from a root; list them flat at the end.
  for (const u of units)
    if (!seen.has(u.code)) out.push({ code: u.code, name: u.name, depth: 0, active: u.active });
  return out;
}
