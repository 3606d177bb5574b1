import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { createOAuthClientSchema, type CreateOAuthClientInput } from "../oauth-client-schema";
import { mintClientId, mintClientSecret } from "../rules/client-credentials-format";

/** Creates an OAuth client and returns its secret in the clear exactly once; only a hash is stored. */
export async function createOAuthClient(input: CreateOAuthClientInput, ctx: CommandContext) {
  const data = createOAuthClientSchema.parse(input);
  const clientId = mintClientId();
  const { secret, hash } = mintClientSecret();
  const expiresAt = data.expiresInDays
    ? new Date(Date.now() + data.expiresInDays * 86_400_000)
    : null;
  const row = await inTransaction(ctx, async (tx) => {
    const created = await tx.oAuthClient.create({
      data: {
        name: data.name,
        clientId,
        secretHash: hash,
        scopes: data.scopes,
        ipAllowList: data.ipAllowList,
        rateLimitPerMinute: data.rateLimitPerMinute,
        expiresAt,
        createdBy: ctx.actor.id,
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "oauth_client.created",
      targetType: "oauth_client",
      targetId: created.id,
      after: {
        name: created.name,
        clientId,
        scopes: created.scopes,
        ipAllowList: created.ipAllowList,
        rateLimitPerMinute: created.rateLimitPerMinute,
        expiresAt,
      },
    });
    return created;
  });
  return { id: row.id, clientId, clientSecret: secret, expiresAt };
}
