import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";
import { db } from "@/lib/core/db";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { verifyToken } from "./verify-token";

setupTestDb();
const actor = { type: "user" as const, id: "it-admin-test", name: "IT Test" };
const ctx = { actor };

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return { status: (e as { status: number }).status, code: (e as { code: string }).code };
  }
  return null;
}

describe("API tokens", () => {
  it("stores only a hash of the token, never the token", async () => {
    const { id, token } = await createToken(
      { name: "hash check", scopes: ["read"], expiresInDays: 30 },
      ctx,
    );
    const row = await db.apiToken.findUniqueOrThrow({ where: { id }, omit: { hash: false } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await db.$queryRaw`SELECT * FROM "ApiToken" WHERE id = ${id}`);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(17));
  });

  it("accepts the right scope, records last use, and refuses another scope with 403", async () => {
    const { id, token } = await createToken(
      { name: "scoped", scopes: ["read"], expiresInDays: 30 },
      ctx,
    );
    await expect(verifyToken(`Bearer ${token}`, "read", "198.51.100.4")).resolves.toMatchObject({
      id,
    });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedIp).toBe("198.51.100.4");
    expect(row.lastUsedAt).not.toBeNull();
    expect(await refusal(verifyToken(`Bearer ${token}`, "notifications:write", null))).toEqual({
      status: 403,
      code: "insufficient_scope",
    });
  });

  it("refuses expired and revoked tokens with 401 and a reason", async () => {
    const expired = await createToken({ name: "old", scopes: ["read"], expiresInDays: 7 }, ctx);
    await db.apiToken.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await refusal(verifyToken(`Bearer ${expired.token}`, "read", null))).toEqual({
      status: 401,
      code: "expired_token",
    });

    const revoked = await createToken({ name: "gone", scopes: ["read"], expiresInDays: null }, ctx);
    await revokeToken({ id: revoked.id }, ctx);
    expect(await refusal(verifyToken(`Bearer ${revoked.token}`, "read", null))).toEqual({
      status: 401,
      code: "revoked_token",
    });
  });

  it("refuses missing, malformed and unknown tokens", async () => {
    expect(await refusal(verifyToken(null, "read", null))).toEqual({
      status: 401,
      code: "missing_token",
    });
    expect(await refusal(verifyToken("Bearer nope", "read", null))).toEqual({
      status: 401,
      code: "malformed_token",
    });
    expect(
      await refusal(verifyToken(`Bearer obt_0123456789ab_${"A".repeat(43)}`, "read", null)),
    ).toEqual({ status: 401, code: "invalid_token" });
  });

  it("enforces the IP allow-list", async () => {
    const { token } = await createToken(
      { name: "ip", scopes: ["read"], expiresInDays: 30, ipAllowList: ["10.0.0.0/8"] },
      ctx,
    );
    await expect(verifyToken(`Bearer ${token}`, "read", "10.2.3.4")).resolves.toBeTruthy();
    expect(await refusal(verifyToken(`Bearer ${token}`, "read", "192.0.2.1"))).toEqual({
      status: 403,
      code: "ip_not_allowed",
    });
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const before = await db.apiToken.count();
    await expect(
      createToken({ name: "", scopes: ["read"], expiresInDays: 30 }, ctx),
    ).rejects.toThrow(/Name is required/);
    await expect(createToken({ name: "x", scopes: [], expiresInDays: 30 }, ctx)).rejects.toThrow(
      /at least one scope/,
    );
    await expect(
      createToken({ name: "x", scopes: ["read"], expiresInDays: 30, ipAllowList: ["nope"] }, ctx),
    ).rejects.toThrow(/CIDR/);
    expect(await db.apiToken.count()).toBe(before);
  });

  it("runs inside a caller's transaction when ctx.tx is given: rolled back with it, committed with it", async () => {
    const rollback = new Error("caller rolls back");
    let rolledBackId = "";
    await expect(
      db.$transaction(async (tx) => {
        const { id } = await createToken(
          { name: "in caller tx", scopes: ["read"], expiresInDays: 30 },
          { actor, tx },
        );
        rolledBackId = id;
        // Visible inside the caller's transaction, token row and audit row alike.
        expect(await tx.apiToken.count({ where: { id } })).toBe(1);
        expect(await tx.auditLog.count({ where: { targetId: id } })).toBe(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(rolledBackId).not.toBe("");
    expect(await db.apiToken.count({ where: { id: rolledBackId } })).toBe(0);
    expect(await db.auditLog.count({ where: { targetId: rolledBackId } })).toBe(0);

    const kept = await db.$transaction(async (tx) => {
      const created = await createToken(
        { name: "committed with caller", scopes: ["read"], expiresInDays: 30 },
        { actor, tx },
      );
      await revokeToken({ id: created.id }, { actor, tx });
      return created;
    });
    expect(
      (await db.apiToken.findUniqueOrThrow({ where: { id: kept.id } })).revokedAt,
    ).not.toBeNull();
    expect(
      (
        await db.auditLog.findMany({ where: { targetId: kept.id }, orderBy: { action: "asc" } })
      ).map((a) => [a.action, a.actorId]),
    ).toEqual([
      ["token.created", actor.id],
      ["token.revoked", actor.id],
    ]);
  });

  it("no longer offers the hr-events:write scope, and the migration strips it from old tokens", async () => {
    await expect(
      createToken(
        { name: "legacy", scopes: ["hr-events:write" as "read"], expiresInDays: 30 },
        { actor },
      ),
    ).rejects.toThrow(/scopes/);
    const { id } = await createToken(
      { name: "legacy row", scopes: ["read"], expiresInDays: 30 },
      { actor },
    );
    await db.apiToken.update({
      where: { id },
      data: { scopes: ["hr-events:write", "read"] },
    });
    const sql = readFileSync(
      path.join(
        process.cwd(),
        "prisma/migrations/20261202132937_drop_hr_events_write_scope/migration.sql",
      ),
      "utf8",
    );
    await db.$executeRawUnsafe(sql);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).scopes).toEqual(["read"]);
  });

  it("keeps the employee factory usable for other suites", async () => {
    expect((await makeEmployee()).id).toBeTruthy();
  });
});
