import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/errors";
import { conflictRowView } from "../rules/conflict-row-view";

/** One conflict of the queue, as the queue shows it. */
export async function getConflict(id: string) {
  const row = await db.syncConflict.findUnique({ where: { id } });
  if (!row) throw notFound("Conflict");
  const connection = row.connectionId
    ? await db.connection.findUnique({ where: { id: row.connectionId }, select: { name: true } })
    : null;
  return conflictRowView(row, connection?.name ?? null);
}
