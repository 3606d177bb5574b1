import { SANDBOX_HR_CONNECTION } from "@/lib/sandbox/demo/ensure-sandbox-connections";
import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { db } from "@/lib/core/db";
import type { HrWebhookTarget } from "@/lib/sandbox/hr/emit-hr-webhook";

/**
 * Where the sandbox HR pushes its changes: OrgBridge's webhook receiver for the "Sandbox HR" connection,
 * signed with that connection's webhook secret — the same contract a real HR source is configured with.
 * Undefined when the connection is missing, disabled, or has no webhook secret.
 */
export async function sandboxHrWebhookTarget(appUrl: string): Promise<HrWebhookTarget | undefined> {
  const row = await db.connection.findUnique({
    where: { kind_name: { kind: "HR_SOURCE", name: SANDBOX_HR_CONNECTION } },
    select: { id: true, enabled: true, secretsCipher: true },
  });
  if (!row?.enabled || !row.secretsCipher) return undefined;
  const secret = (decryptSecrets(row.secretsCipher) as Record<string, unknown>).webhookSecret;
  if (typeof secret !== "string" || !secret) return undefined;
  return { url: new URL(`/api/hooks/hr/${row.id}`, appUrl).toString(), secret };
}
