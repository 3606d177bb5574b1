import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { decryptSecrets, encryptSecrets } from "./encrypt-secrets";
import { reencryptAllSecrets } from "./reencrypt-all-secrets";

setupTestDb();

describe("key rotation", () => {
  it("reports rows no configured key can open instead of failing", async () => {
    process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
    const orphan = await db.connection.create({
      data: {
        kind: "HR_SOURCE",
        provider: "rest",
        name: `orphan-${Date.now()}`,
        secretsCipher: encryptSecrets({ token: "t" }),
      },
    });
    process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
    expect((await reencryptAllSecrets()).unreadable).toContain(`connection:${orphan.id}`);
  });

  it("re-seals every stored secret with the new first key, keeps values, audits, and is idempotent", async () => {
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    process.env.ORGBRIDGE_SECRET_KEY = oldKey;
    const conn = await db.connection.create({
      data: {
        kind: "IM_TARGET",
        provider: "wecom",
        name: `rot-${Date.now()}`,
        secretsCipher: encryptSecrets({ contactSecret: "s3cret" }),
      },
    });
    const ep = await db.callbackEndpoint.create({
      data: {
        name: "rot",
        url: "https://oa.example/hook",
        eventTypes: ["sync.completed"],
        secretCipher: encryptSecrets("whsec_x"),
      },
    });

    process.env.ORGBRIDGE_SECRET_KEY = `${newKey},${oldKey}`;
    const first = await reencryptAllSecrets();
    expect(first.connections).toBeGreaterThanOrEqual(1);
    expect(first.endpoints).toBeGreaterThanOrEqual(1);

    process.env.ORGBRIDGE_SECRET_KEY = newKey; // the old key can now be dropped
    const c = await db.connection.findUniqueOrThrow({
      where: { id: conn.id },
      omit: { secretsCipher: false },
    });
    expect(decryptSecrets(c.secretsCipher!)).toEqual({ contactSecret: "s3cret" });
    const e = await db.callbackEndpoint.findUniqueOrThrow({
      where: { id: ep.id },
      omit: { secretCipher: false },
    });
    expect(decryptSecrets(e.secretCipher)).toBe("whsec_x");
    expect(
      await db.auditLog.count({
        where: { targetId: conn.id, action: "connection.secrets_reencrypted" },
      }),
    ).toBe(1);

    process.env.ORGBRIDGE_SECRET_KEY = `${newKey},${oldKey}`;
    const second = await reencryptAllSecrets();
    expect(second.unreadable).not.toContain(`connection:${conn.id}`);
    const again = await db.connection.findUniqueOrThrow({
      where: { id: conn.id },
      omit: { secretsCipher: false },
    });
    expect(again.secretsCipher).toBe(c.secretsCipher);
  });
});
