import type { SandboxDb } from "@/lib/sandbox/shared/create-sandbox-db";

/** One sandbox IM member by userid (case-insensitive, like WeCom), or null. */
export async function findImMember(db: SandboxDb, userid: string) {
  const u = await db.sandboxImUser.findUnique({ where: { useridLower: userid.toLowerCase() } });
  return u
    ? { userid: u.userid, name: u.name, position: u.position, enabled: u.enable !== 0 }
    : null;
}
