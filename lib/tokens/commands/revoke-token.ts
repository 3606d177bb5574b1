import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { notFound } from "@/lib/core/errors";

export async function revokeToken({ id }: { id: string }, ctx: CommandContext): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token) throw notFound("Token");
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id }, data: { revokedAt } });
    await recordAudit(tx, ctx.actor, {
      action: "token.revoked",
      targetType: "api_token",
      targetId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
  });
}
