import type { SandboxDb } from "../shared/create-sandbox-db";

/**
 * Renames a sandbox IM department as if an IM admin did it in the admin console: straight in the
 * sandbox's tables, not through the API, so OrgBridge only notices on its next reconcile (conflict demos).
 */
export async function renameDepartmentManually(
  db: SandboxDb,
  id: number,
  name: string,
  nameEn?: string,
): Promise<{ id: number; before: string; after: string }> {
  const dept = await db.sandboxImDepartment.findUnique({ where: { id } });
  if (!dept) throw new Error(`Sandbox IM department ${id} not found`);
  await db.sandboxImDepartment.update({
    where: { id },
    data: { name, nameEn: nameEn === undefined ? undefined : nameEn },
  });
  return { id, before: dept.name, after: name };
}
