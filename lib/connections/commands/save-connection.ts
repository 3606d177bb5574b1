import { z } from "zod";
import { hrProviders, imProviders, isHrProvider, isImProvider } from "@/lib/connectors";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { decryptSecrets, encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/core/errors";
import { mergeSecrets } from "../rules/merge-secrets";
import { saveConnectionSchema, type SaveConnectionInput } from "../save-connection-schema";

function providerSchemas(kind: "HR_SOURCE" | "IM_TARGET", provider: string) {
  if (kind === "IM_TARGET" && isImProvider(provider)) return imProviders[provider];
  if (kind === "HR_SOURCE" && isHrProvider(provider)) return hrProviders[provider];
  throw invalid("provider", `Unknown provider "${provider}" for this kind of connection.`);
}

/** Parses with the provider's schema; issues are re-rooted under `config.` / `secrets.` so they name the form field. */
function parseUnder(
  schema: z.ZodType,
  value: unknown,
  root: "config" | "secrets",
): Record<string, unknown> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new z.ZodError(
      parsed.error.issues.map((issue) => ({ ...issue, path: [root, ...issue.path] })),
    );
  return parsed.data as Record<string, unknown>;
}

/**
 * Creates or updates a connection. Config and secrets are validated by the
 * provider's schemas before anything is written; secrets are stored encrypted,
 * and on update an empty secret keeps the stored one. Audited without secrets.
 */
export async function saveConnection(
  input: SaveConnectionInput,
  ctx: CommandContext,
): Promise<{ id: string; created: boolean }> {
  const data = saveConnectionSchema.parse(input);
  const existing = data.id
    ? await (ctx.tx ?? db).connection.findUnique({
        where: { id: data.id },
        omit: { secretsCipher: false },
      })
    : null;
  if (data.id && !existing) throw notFound("Connection");
  if (existing && (existing.kind !== data.kind || existing.provider !== data.provider)) {
    throw invalid(
      "provider",
      "The provider of a saved connection cannot change; create a new connection instead.",
    );
  }
  const def = providerSchemas(data.kind, data.provider);
  const config = parseUnder(def.configSchema, data.config, "config");
  const stored = existing?.secretsCipher
    ? decryptSecrets<Record<string, unknown>>(existing.secretsCipher)
    : {};
  const secrets = parseUnder(def.secretsSchema, mergeSecrets(stored, data.secrets), "secrets");
  // Names of the secret fields that were typed in, never their values.
  const credentialsChanged = Object.keys(data.secrets).filter((k) => data.secrets[k] !== "");
  const fields = {
    kind: data.kind,
    provider: data.provider,
    name: data.name,
    enabled: data.enabled,
    config: config as Prisma.InputJsonValue,
  };

  return inTransaction(ctx, async (tx) => {
    const clash = await tx.connection.findUnique({
      where: { kind_name: { kind: data.kind, name: data.name } },
      select: { id: true },
    });
    if (clash && clash.id !== existing?.id)
      throw invalid("name", "A connection of this kind with this name already exists.");
    const row = existing
      ? await tx.connection.update({
          where: { id: existing.id },
          data: { ...fields, secretsCipher: encryptSecrets(secrets) },
        })
      : await tx.connection.create({ data: { ...fields, secretsCipher: encryptSecrets(secrets) } });
    await recordAudit(tx, ctx.actor, {
      action: existing ? "connection.updated" : "connection.created",
      targetType: "connection",
      targetId: row.id,
      before: existing
        ? {
            name: existing.name,
            provider: existing.provider,
            enabled: existing.enabled,
            config: existing.config,
          }
        : undefined,
      after: {
        name: row.name,
        provider: row.provider,
        kind: row.kind,
        enabled: row.enabled,
        config: row.config,
        credentialsChanged,
      },
    });
    return { id: row.id, created: !existing };
  });
}
