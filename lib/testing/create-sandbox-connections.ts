import { encryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import type { Db } from "@/lib/core/db";

export type SandboxCredentials = { corpId: string; corpSecret: string; agentId: number };

/** Connection rows pointing at sandboxes a test started (sandbox HR default token; IM with rate limits off). */
export async function createSandboxConnections(
  db: Db,
  opts: { hrUrl: string; imBaseUrl: string; creds: SandboxCredentials },
): Promise<{ hrConnectionId: string; connectionId: string }> {
  const hr = await db.connection.create({
    data: {
      kind: "HR_SOURCE",
      provider: "sandbox-hr",
      name: "Test HR",
      config: { baseUrl: opts.hrUrl },
      secretsCipher: encryptSecrets({ token: "sandbox-hr-token" }),
    },
  });
  const im = await db.connection.create({
    data: {
      kind: "IM_TARGET",
      provider: "sandbox-im",
      name: "Test IM",
      config: {
        baseUrl: opts.imBaseUrl,
        corpId: opts.creds.corpId,
        agentId: opts.creds.agentId,
        rateLimit: false,
      },
      secretsCipher: encryptSecrets({ contactSecret: opts.creds.corpSecret }),
    },
  });
  return { hrConnectionId: hr.id, connectionId: im.id };
}
