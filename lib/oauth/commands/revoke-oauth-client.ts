import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { notFound } from "@/lib/core/errors";

/** Revokes the client: no new access tokens, and the ones it holds are refused from now on. */
export async function revokeOAuthClient({ id }: { id: string }, ctx: CommandContext) {
  await inTransaction(ctx, async (tx) => {
    const client = await tx.oAuthClient.findUnique({ where: { id } });
    if (!client) throw notFound("OAuth client");
    if (client.revokedAt) return;
    const revokedAt = new Date();
    await tx.oAuthClient.update({ where: { id }, data: { revokedAt } });
    await recordAudit(tx, ctx.actor, {
      action: "oauth_client.revoked",
      targetType: "oauth_client",
      targetId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
  });
}
