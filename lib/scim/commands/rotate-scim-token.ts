import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { notFound } from "@/lib/core/errors";
import type { Prisma } from "@/lib/core/db";
import { mintScimToken } from "../rules/scim-token";
import type { ScimConnectionConfig } from "../types";

/** Replaces a SCIM connection's token: the old one stops working at once; the new one is returned this once. */
export async function rotateScimToken(
  { id }: { id: string },
  ctx: CommandContext,
): Promise<{ id: string; token: string }> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.connection.findFirst({ where: { id, kind: "SCIM_INBOUND" } });
    if (!row) throw notFound("SCIM connection");
    const minted = mintScimToken();
    const config: ScimConnectionConfig = {
      ...(row.config as ScimConnectionConfig),
      tokenHash: minted.hash,
      tokenHint: minted.hint,
      tokenRotatedAt: new Date().toISOString(),
    };
    await tx.connection.update({
      where: { id },
      data: { config: config as unknown as Prisma.InputJsonValue },
    });
    await recordAudit(tx, ctx.actor, {
      action: "connection.token_rotated",
      targetType: "connection",
      targetId: id,
      before: { tokenHint: (row.config as ScimConnectionConfig).tokenHint },
      after: { tokenHint: minted.hint },
    });
    return { id, token: minted.token };
  });
}
