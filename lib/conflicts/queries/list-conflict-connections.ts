import { db } from "@/lib/core/db";

/** IM targets, for the queue's connection filter. */
export async function listConflictConnections(): Promise<{ id: string; name: string }[]> {
  return db.connection.findMany({
    where: { kind: "IM_TARGET" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
