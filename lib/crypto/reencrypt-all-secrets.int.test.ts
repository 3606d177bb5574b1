import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDb } from "@/lib/testing/use-test-db";
import { decryptSecrets, encryptSecrets } from "./encrypt-secrets";
import { reencryptAllSecrets } from "./reencrypt-all-secrets";

useTestDb();

describe("key rotation", () => {
  it("re-seals every stored secret with the new first key, keeps values, audits, and is idempotent", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    process.env.ORGBRIDGE_SECRET_KEY = oldKey;
    const conn = await db.connection.create({
      data: { kind: "IM_TARGET", provider: "wecom", name: `rot-${Date.now()}`, secretsCipher: encryptSecrets({ contactSecret: "s3cret" }) },
    });
    const ep = await db.callbackEndpoint.create({
      data: { name: "rot", url: "https://oa.example/hook", eventTypes: ["sync.completed"], secretCipher: encryptSecrets("whsec_x") },
    });

    process.env.ORGBRIDGE_SECRET_KEY = `${newKey},${oldKey}`;
    const first = await reencryptAllSecrets();
    expect(first.connections).toBeGreaterThanOrEqual(1);
    expect(first.endpoints).toBeGreaterThanOrEqual(1);

    process.env.ORGBRIDGE_SECRET_KEY = newKey; // the old key can now be dropped
    const c = await db.connection.findUniqueOrThrow({ where: { id: conn.id }, omit: { secretsCipher: false } });
    expect(decryptSecrets(c.secretsCipher!)).toEqual({ contactSecret: "s3cret" });
    const e = await db.callbackEndpoint.findUniqueOrThrow({ where: { id: ep.id }, omit: { secretCipher: false } });
    expect(decryptSecrets(e.secretCipher)).toBe("whsec_x");
    expect(await db.auditLog.count({ where: { targetId: conn.id, action: "connection.secrets_reencrypted" } })).toBe(1);

    process.env.ORGBRIDGE_SECRET_KEY = `${newKey},${oldKey}`;
    expect((await reencryptAllSecrets()).connections).toBe(0);
  });
});
