import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { notFound } from "@/lib/core/errors";
import { setRateLimitSchema, type SetRateLimitInput } from "../rate-limit-schema";

/** Sets an API token's or OAuth client's own requests-per-minute limit (null: the default). */
export async function setRateLimit(input: SetRateLimitInput, ctx: CommandContext) {
  const { kind, id, rateLimitPerMinute } = setRateLimitSchema.parse(input);
  await inTransaction(ctx, async (tx) => {
    const before =
      kind === "token"
        ? await tx.apiToken.findUnique({ where: { id } })
        : await tx.oAuthClient.findUnique({ where: { id } });
    if (!before) throw notFound(kind === "token" ? "Token" : "OAuth client");
    if (kind === "token") await tx.apiToken.update({ where: { id }, data: { rateLimitPerMinute } });
    else await tx.oAuthClient.update({ where: { id }, data: { rateLimitPerMinute } });
    await recordAudit(tx, ctx.actor, {
      action: kind === "token" ? "token.rate_limit_set" : "oauth_client.rate_limit_set",
      targetType: kind === "token" ? "api_token" : "oauth_client",
      targetId: id,
      before: { rateLimitPerMinute: before.rateLimitPerMinute },
      after: { rateLimitPerMinute },
    });
  });
}
