import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { invalid } from "@/lib/core/errors";
import type { Prisma } from "@/lib/core/db";
import { mintScimToken } from "../rules/scim-token";
import {
  createScimConnectionSchema,
  type CreateScimConnectionInput,
} from "../scim-connection-schema";
import type { ScimConnectionConfig } from "../types";

/**
 * Creates a SCIM inbound connection (kind SCIM_INBOUND) with a fresh bearer token. The token is
 * returned this once; the connection keeps its SHA-256 only. Audited without the hash.
 */
export async function createScimConnection(
  input: CreateScimConnectionInput,
  ctx: CommandContext,
): Promise<{ id: string; token: string }> {
  const data = createScimConnectionSchema.parse(input);
  const minted = mintScimToken();
  const config: ScimConnectionConfig = {
    tokenHash: minted.hash,
    tokenHint: minted.hint,
    tokenRotatedAt: new Date().toISOString(),
    ...(data.fallbackUnitCode ? { fallbackUnitCode: data.fallbackUnitCode } : {}),
  };
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.connection.findUnique({
      where: { kind_name: { kind: "SCIM_INBOUND", name: data.name } },
      select: { id: true },
    });
    if (clash) throw invalid("name", "A SCIM connection with this name already exists.");
    if (data.fallbackUnitCode) {
      const unit = await tx.orgUnit.findUnique({
        where: { code: data.fallbackUnitCode },
        select: { id: true },
      });
      if (!unit)
        throw invalid("fallbackUnitCode", `No org unit has the code "${data.fallbackUnitCode}".`);
    }
    const row = await tx.connection.create({
      data: {
        kind: "SCIM_INBOUND",
        provider: "scim-inbound",
        name: data.name,
        config: config as unknown as Prisma.InputJsonValue,
        health: "HEALTHY",
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "connection.created",
      targetType: "connection",
      targetId: row.id,
      after: {
        name: row.name,
        kind: row.kind,
        provider: row.provider,
        tokenHint: minted.hint,
        fallbackUnitCode: data.fallbackUnitCode ?? null,
      },
    });
    return { id: row.id, token: minted.token };
  });
}
