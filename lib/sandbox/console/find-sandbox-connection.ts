import { db } from "@/lib/core/db";

/** The first connection to a sandbox (`sandbox-hr` or `sandbox-im`), or null when none is configured. */
export async function findSandboxConnection(provider: "sandbox-hr" | "sandbox-im") {
  return db.connection.findFirst({
    where: { provider },
    select: { id: true, name: true, enabled: true },
    orderBy: { createdAt: "asc" },
  });
}
