import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { AppError, notFound } from "@/lib/core/errors";
import { mintClientSecret } from "../rules/client-credentials-format";

/**
 * A new secret for the client, returned once. The old secret stops at once, and so do access
 * tokens issued with it: a rotation is usually a response to a leak.
 */
export async function rotateOAuthClientSecret({ id }: { id: string }, ctx: CommandContext) {
  const { secret, hash } = mintClientSecret();
  return inTransaction(ctx, async (tx) => {
    const client = await tx.oAuthClient.findUnique({ where: { id } });
    if (!client) throw notFound("OAuth client");
    if (client.revokedAt)
      throw new AppError(409, "revoked", "A revoked OAuth client cannot be rotated.", "id");
    // Access tokens carry the rotation instant they were issued under (claim `rot`); a new one
    // here makes every earlier token a stranger.
    const rotatedAt = new Date();
    await tx.oAuthClient.update({
      where: { id },
      data: { secretHash: hash, secretRotatedAt: rotatedAt },
    });
    await recordAudit(tx, ctx.actor, {
      action: "oauth_client.secret_rotated",
      targetType: "oauth_client",
      targetId: id,
      before: { secretRotatedAt: client.secretRotatedAt },
      after: { secretRotatedAt: rotatedAt },
    });
    return { id, clientId: client.clientId, clientSecret: secret };
  });
}
