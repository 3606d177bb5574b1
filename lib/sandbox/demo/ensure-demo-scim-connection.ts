import { db, type Prisma } from "@/lib/core/db";
import { scimTokenHash } from "@/lib/scim/rules/scim-token";
import type { ScimConnectionConfig } from "@/lib/scim/types";

export const DEMO_SCIM_CONNECTION = "Demo SCIM client";

/**
 * The embedded defaults come with one SCIM inbound connection whose token is the run command's
 * `scimToken` (.data/secrets.json), so a SCIM client can be pointed at /scim/v2 at once. Like the
 * sandbox connections, its token follows secrets.json on every start. Returns whether it was created.
 */
export async function ensureDemoScimConnection({ token }: { token: string }): Promise<boolean> {
  const hash = scimTokenHash(token);
  if (!hash) throw new Error("scimToken in secrets.json is not an obscim_ token");
  const where = { kind_name: { kind: "SCIM_INBOUND" as const, name: DEMO_SCIM_CONNECTION } };
  return db.$transaction(async (tx) => {
    const existing = await tx.connection.findUnique({ where });
    const config: ScimConnectionConfig = {
      ...((existing?.config as ScimConnectionConfig | undefined) ?? {}),
      tokenHash: hash,
      tokenHint: token.slice(0, 11),
      tokenRotatedAt:
        existing && (existing.config as ScimConnectionConfig).tokenHash === hash
          ? (existing.config as ScimConnectionConfig).tokenRotatedAt
          : new Date().toISOString(),
    };
    const json = config as unknown as Prisma.InputJsonValue;
    if (existing) {
      await tx.connection.update({ where: { id: existing.id }, data: { config: json } });
      return false;
    }
    const row = await tx.connection.create({
      data: {
        kind: "SCIM_INBOUND",
        provider: "scim-inbound",
        name: DEMO_SCIM_CONNECTION,
        config: json,
        health: "HEALTHY",
      },
    });
    await tx.auditLog.create({
      data: {
        actorType: "system",
        actorId: "run-command",
        action: "connection.created",
        targetType: "connection",
        targetId: row.id,
        after: { name: row.name, kind: row.kind, provider: row.provider },
      },
    });
    return true;
  });
}
