import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { notFound } from "@/lib/core/errors";

/** Deletes a connection; its mappings, sync runs, IM groups and accounts go with it (cascade). Audited with what went. */
export async function deleteConnection(
  { id }: { id: string },
  ctx: CommandContext,
): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.connection.findUnique({
      where: { id },
      include: {
        _count: { select: { mappings: true, syncRuns: true, imGroups: true, imAccounts: true } },
      },
    });
    if (!row) throw notFound("Connection");
    await tx.connection.delete({ where: { id } });
    await recordAudit(tx, ctx.actor, {
      action: "connection.deleted",
      targetType: "connection",
      targetId: id,
      before: {
        name: row.name,
        provider: row.provider,
        kind: row.kind,
        config: row.config,
        dependents: row._count,
      },
    });
    return { id };
  });
}
