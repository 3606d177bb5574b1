import { recordAudit } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { decryptSecrets, encryptSecrets, needsReencryption } from "./encrypt-secrets";

/**
 * Key rotation, step 2: re-seals every stored secret (connections, callback
 * endpoints) with the first key of ORGBRIDGE_SECRET_KEY. Each row is re-sealed
 * in its own transaction with an audit entry; rows already on the first key are
 * skipped, and rows no configured key can open are reported, not fatal (the
 * operator must add that key back before removing it).
 */
export async function reencryptAllSecrets(): Promise<{
  connections: number;
  endpoints: number;
  unreadable: string[];
}> {
  let connections = 0;
  let endpoints = 0;
  const unreadable: string[] = [];
  const tryDecrypt = (sealed: string, id: string): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: decryptSecrets(sealed) };
    } catch {
      unreadable.push(id);
      return { ok: false };
    }
  };
  const actor = { type: "system" as const, id: "key-rotation" };
  const conns = await db.connection.findMany({ select: { id: true, secretsCipher: true } });
  for (const c of conns) {
    if (!c.secretsCipher || !needsReencryption(c.secretsCipher)) continue;
    const opened = tryDecrypt(c.secretsCipher, `connection:${c.id}`);
    if (!opened.ok) continue;
    const sealed = encryptSecrets(opened.value);
    await db.$transaction(async (tx) => {
      await tx.connection.update({ where: { id: c.id }, data: { secretsCipher: sealed } });
      await recordAudit(tx, actor, {
        action: "connection.secrets_reencrypted",
        targetType: "connection",
        targetId: c.id,
        after: { keyId: sealed.split(":")[1] },
      });
    });
    connections++;
  }
  const eps = await db.callbackEndpoint.findMany({
    select: { id: true, secretCipher: true, previousSecretCipher: true },
  });
  for (const e of eps) {
    const stale = [e.secretCipher, e.previousSecretCipher].some((s) => s && needsReencryption(s));
    if (!stale) continue;
    const current = tryDecrypt(e.secretCipher, `callback_endpoint:${e.id}`);
    const previous = e.previousSecretCipher
      ? tryDecrypt(e.previousSecretCipher, `callback_endpoint:${e.id}:previous`)
      : null;
    if (!current.ok || (previous && !previous.ok)) continue;
    const secretCipher = encryptSecrets(current.value);
    const previousSecretCipher = previous?.ok ? encryptSecrets(previous.value) : null;
    await db.$transaction(async (tx) => {
      await tx.callbackEndpoint.update({
        where: { id: e.id },
        data: { secretCipher, previousSecretCipher },
      });
      await recordAudit(tx, actor, {
        action: "endpoint.secrets_reencrypted",
        targetType: "callback_endpoint",
        targetId: e.id,
        after: { keyId: secretCipher.split(":")[1] },
      });
    });
    endpoints++;
  }
  return { connections, endpoints, unreadable };
}
