import { PrismaPg } from "@prisma/adapter-pg";
import { encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type EnsureSandboxConnectionsOptions = {
  databaseUrl: string;
  /** Where the running sandbox HR serves its REST API. */
  hr: { baseUrl: string; token: string; webhookSecret: string };
  /** Where the running sandbox IM serves its WeCom-compatible API (…/cgi-bin). */
  im: { baseUrl: string; corpId: string; corpSecret: string; agentId: number };
};

export const SANDBOX_HR_CONNECTION = "Sandbox HR";
export const SANDBOX_IM_CONNECTION = "Sandbox IM (WeCom API)";

/**
 * The embedded defaults come with one HR source and one IM target: the two
 * sandboxes. Their URLs and secrets follow the running sandboxes on every start
 * (ports differ between profiles). Connections created by people are untouched.
 */
export async function ensureSandboxConnections(
  opts: EnsureSandboxConnectionsOptions,
): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: opts.databaseUrl }) });
  try {
    const rows = [
      {
        kind: "HR_SOURCE" as const,
        provider: "sandbox-hr",
        name: SANDBOX_HR_CONNECTION,
        config: { baseUrl: opts.hr.baseUrl },
        secretsCipher: encryptSecrets({
          token: opts.hr.token,
          webhookSecret: opts.hr.webhookSecret,
        }),
      },
      {
        kind: "IM_TARGET" as const,
        provider: "sandbox-im",
        name: SANDBOX_IM_CONNECTION,
        config: { baseUrl: opts.im.baseUrl, corpId: opts.im.corpId, agentId: opts.im.agentId },
        secretsCipher: encryptSecrets({ contactSecret: opts.im.corpSecret }),
      },
    ];
    await db.$transaction(async (tx) => {
      for (const row of rows) {
        const existing = await tx.connection.findUnique({
          where: { kind_name: { kind: row.kind, name: row.name } },
        });
        await tx.connection.upsert({
          where: { kind_name: { kind: row.kind, name: row.name } },
          create: row,
          update: { config: row.config, secretsCipher: row.secretsCipher },
        });
        if (!existing) {
          await tx.auditLog.create({
            data: {
              actorType: "system",
              actorId: "run-command",
              action: "connection.created",
              targetType: "connection",
              targetId: row.name,
              after: { provider: row.provider, config: row.config },
            },
          });
        }
      }
    });
  } finally {
    await db.$disconnect();
  }
}
