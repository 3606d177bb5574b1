import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/core/audit/record-audit";
import { decryptSecrets } from "@/lib/core/crypto/encrypt-secrets";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { connectorForConnection } from "./connector-for-connection";
import { deleteConnection } from "../commands/delete-connection";
import { listConnections } from "./list-connections";
import { saveConnection } from "../commands/save-connection";
import { testConnection } from "../commands/test-connection";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");

const actor: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const ctx = { actor };
const creds = {
  corpId: "ww-conn-test",
  corpSecret: `s3cret-${randomBytes(6).toString("hex")}`,
  agentId: 1000002,
};
const tag = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function stored(id: string) {
  const { db } = await import("@/lib/core/db");
  return db.connection.findUniqueOrThrow({ where: { id }, omit: { secretsCipher: false } });
}
async function auditFor(id: string) {
  const { db } = await import("@/lib/core/db");
  return db.auditLog.findMany({
    where: { targetType: "connection", targetId: id },
    orderBy: { createdAt: "asc" },
  });
}

describe("connections", () => {
  let im: SandboxImServer;
  beforeAll(async () => {
    im = await startSandboxIm({
      ...creds,
      port: 0,
      databaseUrl: inject("databaseUrl"),
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await im?.close();
  });

  const sandboxIm = (name: string, contactSecret: string) => ({
    kind: "IM_TARGET" as const,
    provider: "sandbox-im",
    name,
    config: { baseUrl: im.baseUrl, corpId: creds.corpId, agentId: creds.agentId },
    secrets: { contactSecret },
  });

  it("encrypts secrets, keeps them on an edit with an empty field, and audits without them", async () => {
    const { id, created } = await saveConnection(
      {
        ...sandboxIm(`IM ${tag()}`, creds.corpSecret),
        secrets: { contactSecret: creds.corpSecret, agentSecret: "agent-s3cret" },
      },
      ctx,
    );
    expect(created).toBe(true);
    const row = await stored(id);
    expect(row.secretsCipher).toMatch(/^v1:/);
    expect(row.secretsCipher).not.toContain(creds.corpSecret);
    expect(decryptSecrets(row.secretsCipher!)).toEqual({
      contactSecret: creds.corpSecret,
      agentSecret: "agent-s3cret",
    });

    await saveConnection(
      {
        ...sandboxIm("Renamed " + tag(), ""),
        id,
        enabled: false,
        secrets: { contactSecret: "", agentSecret: "rotated" },
      },
      ctx,
    );
    const edited = await stored(id);
    expect(edited.enabled).toBe(false);
    expect(decryptSecrets(edited.secretsCipher!)).toEqual({
      contactSecret: creds.corpSecret,
      agentSecret: "rotated",
    });

    const audit = await auditFor(id);
    expect(audit.map((a) => a.action)).toEqual(["connection.created", "connection.updated"]);
    expect(audit[1].after).toMatchObject({ enabled: false, credentialsChanged: ["agentSecret"] });
    const text = JSON.stringify(audit);
    for (const secret of [creds.corpSecret, "agent-s3cret", "rotated"])
      expect(text).not.toContain(secret);

    const listed = (await listConnections()).find((c) => c.id === id)!;
    expect(JSON.stringify(listed)).not.toContain("v1:");
    expect(listed).not.toHaveProperty("secretsCipher");
  });

  it.each([
    ["config.baseUrl", { baseUrl: "not a url", corpId: "c", agentId: 1 }, { contactSecret: "x" }],
    ["config.agentId", { corpId: "c", agentId: -3 }, { contactSecret: "x" }],
    ["secrets.contactSecret", { corpId: "c", agentId: 1 }, {}],
  ])("rejects an invalid %s and writes nothing", async (field, config, secrets) => {
    const { db } = await import("@/lib/core/db");
    const name = `Bad ${tag()}`;
    const auditBefore = await db.auditLog.count();
    const error = await saveConnection(
      { kind: "IM_TARGET", provider: "wecom", name, config, secrets },
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join("."))).toContain(field);
    expect(await db.connection.count({ where: { name } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses a duplicate name and a provider change, naming the field", async () => {
    const name = `Dup ${tag()}`;
    const { id } = await saveConnection(sandboxIm(name, creds.corpSecret), ctx);
    await expect(saveConnection(sandboxIm(name, creds.corpSecret), ctx)).rejects.toMatchObject({
      code: "invalid",
      field: "name",
    });
    await expect(
      saveConnection({ ...sandboxIm(name, ""), id, provider: "wecom" }, ctx),
    ).rejects.toMatchObject({ field: "provider" });
  });

  it("tests against the real sandbox IM: HEALTHY with the right secret, FAILING with the platform code otherwise", async () => {
    const good = await saveConnection(sandboxIm(`Good ${tag()}`, creds.corpSecret), ctx);
    const ok = await testConnection({ id: good.id }, ctx);
    expect(ok).toMatchObject({ ok: true, health: "HEALTHY" });
    const goodRow = await stored(good.id);
    expect(goodRow).toMatchObject({ health: "HEALTHY", lastCheckedAt: expect.any(Date) });
    expect(goodRow.healthMessage).toContain(creds.corpId);

    const bad = await saveConnection(sandboxIm(`Wrong ${tag()}`, "wrong-secret"), ctx);
    const failed = await testConnection({ id: bad.id }, ctx);
    expect(failed).toMatchObject({ ok: false, health: "FAILING", code: "40001" });
    const badRow = await stored(bad.id);
    expect(badRow.health).toBe("FAILING");
    expect(badRow.healthMessage).toContain("40001");
    expect(badRow.healthMessage).not.toContain("wrong-secret");

    const audit = await auditFor(bad.id);
    expect(audit.map((a) => a.action)).toEqual(["connection.created", "connection.tested"]);
    expect(audit[1].after).toMatchObject({ ok: false, code: "40001" });
    expect(JSON.stringify(audit)).not.toContain("wrong-secret");
  });

  it("reports an unreachable platform as FAILING without waiting out the full backoff", async () => {
    const { id } = await saveConnection(
      {
        kind: "IM_TARGET",
        provider: "wecom",
        name: `Down ${tag()}`,
        config: { baseUrl: "http://127.0.0.1:9/cgi-bin", corpId: "c", agentId: 1 },
        secrets: { contactSecret: "x" },
      },
      ctx,
    );
    const outcome = await testConnection({ id }, ctx);
    expect(outcome).toMatchObject({ ok: false, health: "FAILING" });
    expect(outcome.message).toMatch(/\S/);
  });

  it("builds the connector a sync run would use from the stored row", async () => {
    const { id } = await saveConnection(sandboxIm(`Engine ${tag()}`, creds.corpSecret), ctx);
    const target = connectorForConnection({ ...(await stored(id)), kind: "IM_TARGET" });
    const group = await target.createGroup({ name: `grp-${tag()}` });
    expect(group.id).toMatch(/\d+/);
  });

  it("deletes with an audit row", async () => {
    const { id } = await saveConnection(sandboxIm(`Gone ${tag()}`, creds.corpSecret), ctx);
    await deleteConnection({ id }, ctx);
    const { db } = await import("@/lib/core/db");
    expect(await db.connection.findUnique({ where: { id } })).toBeNull();
    expect((await auditFor(id)).map((a) => a.action)).toEqual([
      "connection.created",
      "connection.deleted",
    ]);
    await expect(deleteConnection({ id }, ctx)).rejects.toMatchObject({ code: "not_found" });
  });
});
