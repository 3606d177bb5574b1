import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { createTokenSchema, type CreateTokenInput } from "../create-token-schema";
import { mintToken } from "../rules/token-format";

/** Creates a token and returns it in the clear exactly once; only its hash is stored. */
export async function createToken(input: CreateTokenInput, ctx: CommandContext) {
  const { actor } = ctx;
  const data = createTokenSchema.parse(input);
  const { token, prefix, hash } = mintToken();
  const expiresAt = data.expiresInDays
    ? new Date(Date.now() + data.expiresInDays * 86_400_000)
    : null;
  const row = await inTransaction(ctx, async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix,
        hash,
        scopes: data.scopes,
        ipAllowList: data.ipAllowList,
        rateLimitPerMinute: data.rateLimitPerMinute,
        expiresAt,
        createdBy: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "token.created",
      targetType: "api_token",
      targetId: created.id,
      after: {
        name: created.name,
        prefix,
        scopes: created.scopes,
        ipAllowList: created.ipAllowList,
        rateLimitPerMinute: created.rateLimitPerMinute,
        expiresAt,
      },
    });
    return created;
  });
  return { id: row.id, token, prefix, expiresAt };
}
