import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { decryptSecrets, encryptSecrets, needsReencryption } from "./encrypt-secrets";

/**
 * Key rotation, step 2: re-seals every stored secret (connections, callback
 * endpoints) with the first key of ORGBRIDGE_SECRET_KEY. Each row is re-sealed
 * in its own transaction with an audit entry; rows already on the first key are
 * skipped. Returns how many rows were re-sealed.
 */
export async function reencryptAllSecrets(): Promise<{ connections: number; endpoints: number }> {
  let connections = 0;
  let endpoints = 0;
  const actor = { type: "system" as const, id: "key-rotation" };
  const conns = await db.connection.findMany({ select: { id: true, secretsCipher: true } });
  for (const c of conns) {
    if (!c.secretsCipher || !needsReencryption(c.secretsCipher)) continue;
    const sealed = encryptSecrets(decryptSecrets(c.secretsCipher));
    await db.$transaction(async (tx) => {
      await tx.connection.update({ where: { id: c.id }, data: { secretsCipher: sealed } });
      await recordAudit(tx, actor, { action: "connection.secrets_reencrypted", targetType: "connection", targetId: c.id, after: { keyId: sealed.split(":")[1] } });
    });
    connections++;
  }
  const eps = await db.callbackEndpoint.findMany({ select: { id: true, secretCipher: true, previousSecretCipher: true } });
  for (const e of eps) {
    const stale = [e.secretCipher, e.previousSecretCipher].some((s) => s && needsReencryption(s));
    if (!stale) continue;
    const secretCipher = encryptSecrets(decryptSecrets(e.secretCipher));
    const previousSecretCipher = e.previousSecretCipher ? encryptSecrets(decryptSecrets(e.previousSecretCipher)) : null;
    await db.$transaction(async (tx) => {
      await tx.callbackEndpoint.update({ where: { id: e.id }, data: { secretCipher, previousSecretCipher } });
      await recordAudit(tx, actor, { action: "endpoint.secrets_reencrypted", targetType: "callback_endpoint", targetId: e.id, after: { keyId: secretCipher.split(":")[1] } });
    });
    endpoints++;
  }
  return { connections, endpoints };
}
