import type { SandboxDb } from "../shared/create-sandbox-db";

export type ResetSandboxImOptions = {
  /** Name of the root department (id 1). */
  rootName?: string;
  /** Also drop delivered messages and tokens. */
  everything?: boolean;
};

/** Empties the sandbox IM directory down to its root department (id 1). */
export async function resetSandboxIm(
  db: SandboxDb,
  options: ResetSandboxImOptions = {},
): Promise<void> {
  await db.sandboxImUser.deleteMany();
  await db.sandboxImGroupChat.deleteMany();
  await db.sandboxImDepartment.deleteMany({ where: { id: { not: 1 } } });
  if (options.everything) {
    await db.sandboxImMessage.deleteMany();
    await db.sandboxImToken.deleteMany();
  }
  await ensureRootDepartment(db, options.rootName);
}

/** WeCom always has department 1 (the company); the sandbox creates it on first start. */
export async function ensureRootDepartment(
  db: SandboxDb,
  rootName = "示例科技有限公司",
): Promise<void> {
  await db.sandboxImDepartment.upsert({
    where: { id: 1 },
    update: {},
    create: { id: 1, name: rootName, nameEn: "Sandbox Corp", parentId: 0, order: 0 },
  });
}
