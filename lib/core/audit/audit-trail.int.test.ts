import { describe, expect, it } from "vitest";
import { signInUser } from "@/lib/core/auth/sign-in-user";
import { db } from "@/lib/core/db";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";
import { createToken } from "@/lib/tokens/commands/create-token";
import { revokeToken } from "@/lib/tokens/commands/revoke-token";
import { setRoleOverride } from "@/lib/users/commands/set-role-override";

setupTestDb();
const actor = { type: "user" as const, id: "audit-actor", name: "Auditor", ip: "203.0.113.9" };
const ctx = { actor };
const roleMap = { "it-admins": ["IT_ADMIN" as const] };

// Every write function of the product, and the audit action it must leave behind.
// A write that forgets its audit row fails here.
const WRITES: [string, () => Promise<{ action: string; targetId: string }>][] = [
  [
    "token.created",
    async () => ({
      action: "token.created",
      targetId: (await createToken({ name: "a", scopes: ["read"], expiresInDays: 7 }, ctx)).id,
    }),
  ],
  [
    "token.revoked",
    async () => {
      const { id } = await createToken({ name: "b", scopes: ["read"], expiresInDays: 7 }, ctx);
      await revokeToken({ id }, ctx);
      return { action: "token.revoked", targetId: id };
    },
  ],
  [
    "user.created",
    async () => {
      const e = await makeEmployee();
      const id = (await signInUser(
        { sub: `sub-${e.id}`, email: e.email, groups: ["it-admins"] },
        { roleMap, unknownUsers: "employee" },
      ))!;
      return { action: "user.created", targetId: id };
    },
  ],
  [
    "user.roles_overridden",
    async () => {
      const e = await makeEmployee();
      const id = (await signInUser(
        { sub: `sub2-${e.id}`, employeeNo: e.employeeNo },
        { roleMap, unknownUsers: "employee" },
      ))!;
      // Role changes need an admin actor other than the target (separation of duties).
      const admin = (await signInUser(
        { sub: `admin-${e.id}`, email: `admin-${e.id}@test.example`, groups: ["it-admins"] },
        { roleMap, unknownUsers: "employee" },
      ))!;
      await setRoleOverride(
        { userId: id, roles: ["HR_ADMIN", "EMPLOYEE"] },
        { actor: { ...actor, id: admin } },
      );
      return { action: "user.roles_overridden", targetId: id };
    },
  ],
];

describe("audit trail", () => {
  it.each(WRITES)("%s leaves an audit row with actor, target and change", async (_name, write) => {
    const { action, targetId } = await write();
    const row = await db.auditLog.findFirst({
      where: { action, targetId },
      orderBy: { createdAt: "desc" },
    });
    expect(row, `no audit row for ${action}`).not.toBeNull();
    expect(row!.actorId).toBeTruthy();
    expect(row!.after).not.toBeNull();
  });

  it("records the source IP and never a secret", async () => {
    const { id, token } = await createToken({ name: "c", scopes: ["read"], expiresInDays: 7 }, ctx);
    const row = await db.auditLog.findFirstOrThrow({
      where: { action: "token.created", targetId: id },
    });
    expect(row.ip).toBe("203.0.113.9");
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("links SSO users to employees by number or e-mail, and refuses strangers when configured", async () => {
    const e = await makeEmployee({ email: "Mixed.Case@test.example" });
    const byEmail = await signInUser(
      { sub: "by-email", email: "mixed.case@TEST.example" },
      { roleMap, unknownUsers: "refuse" },
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: byEmail! } })).employeeId).toBe(e.id);
    expect(
      await signInUser(
        { sub: "stranger", email: "who@else.example" },
        { roleMap, unknownUsers: "refuse" },
      ),
    ).toBeNull();
    const guest = await signInUser(
      { sub: "guest", email: "who@else.example" },
      { roleMap, unknownUsers: "employee" },
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: guest! } })).idpRoles).toEqual([
      "EMPLOYEE",
    ]);
  });

  it("refuses to let an IT admin remove their own IT role, and writes nothing", async () => {
    const e = await makeEmployee();
    const id = (await signInUser(
      { sub: `self-${e.id}`, employeeNo: e.employeeNo, groups: ["it-admins"] },
      { roleMap, unknownUsers: "employee" },
    ))!;
    const before = await db.auditLog.count({ where: { targetId: id } });
    await expect(
      setRoleOverride({ userId: id, roles: ["EMPLOYEE"] }, { actor: { ...actor, id } }),
    ).rejects.toThrow(/own IT admin role/);
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).overrideSet).toBe(false);
  });
});
