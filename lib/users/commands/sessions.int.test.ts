// Console sessions end server-side: after sign-out, a role change or a timeout the
// old cookie no longer signs anyone in. The cookie is encoded and read exactly as
// next-auth does (next-auth/jwt + the jwt and session callbacks getServerSession runs).
import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();

const SECRET = "s".repeat(40);
const roleMap = { "it-admins": ["IT_ADMIN" as const], "hr-admins": ["HR_ADMIN" as const] };
let options: NextAuthOptions;
let db: (typeof import("@/lib/core/db"))["db"];
let signInUser: (typeof import("@/lib/core/auth/sign-in-user"))["signInUser"];
let setRoleOverride: (typeof import("./set-role-override"))["setRoleOverride"];

beforeAll(async () => {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: "http://localhost:3000",
    OIDC_ISSUER: "http://127.0.0.1:3100",
    OIDC_CLIENT_ID: "orgbridge",
    OIDC_CLIENT_SECRET: "secret",
    ORGBRIDGE_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    SESSION_IDLE_MINUTES: "30",
    SESSION_MAX_HOURS: "8",
  });
  options = (await import("@/lib/core/auth/auth-options")).authOptions();
  db = (await import("@/lib/core/db")).db;
  signInUser = (await import("@/lib/core/auth/sign-in-user")).signInUser;
  setRoleOverride = (await import("./set-role-override")).setRoleOverride;
});

async function makeUser(groups: string[] = []) {
  const e = await makeEmployee();
  return (await signInUser(
    { sub: `sess-${e.id}`, employeeNo: e.employeeNo, name: e.name, groups },
    { roleMap, unknownUsers: "employee" },
  ))!;
}

/** What the browser holds after the OIDC callback: the encrypted session cookie. */
async function signInCookie(userId: string): Promise<string> {
  const token = (await options.callbacks!.jwt!({
    token: { sub: "sso-sub" },
    user: { id: "sso-sub" },
    account: null,
    profile: { sub: "sso-sub", orgbridgeUserId: userId } as never,
    trigger: "signIn",
  })) as JWT;
  return encode({ token, secret: SECRET });
}

/** The user id a request with this cookie is signed in as (null: treated as signed out). */
async function signedInAs(cookie: string): Promise<string | null> {
  const decoded = await decode({ token: cookie, secret: SECRET });
  if (!decoded) return null;
  const token = (await options.callbacks!.jwt!({ token: decoded } as never)) as JWT;
  const session = (await options.callbacks!.session!({
    session: { expires: new Date(Date.now() + 3600_000).toISOString() },
    token,
  } as never)) as { uid?: string };
  return session.uid ?? null;
}

const sessionIdOf = async (cookie: string) =>
  (await decode({ token: cookie, secret: SECRET }))!.sid as string;

describe("console sessions", () => {
  it("a signed-in cookie works until sign-out, then the same cookie is refused", async () => {
    const user = await makeUser();
    const cookie = await signInCookie(user);
    expect(await signedInAs(cookie)).toBe(user);
    expect(await signedInAs(cookie)).toBe(user);

    await options.events!.signOut!({
      token: (await decode({ token: cookie, secret: SECRET }))!,
    } as never);
    expect(await signedInAs(cookie)).toBeNull();
    const row = await db.userSession.findUniqueOrThrow({
      where: { id: await sessionIdOf(cookie) },
    });
    expect(row.revokedReason).toBe("signed_out");
    expect(await db.auditLog.count({ where: { action: "user.signed_out", targetId: user } })).toBe(
      1,
    );
  });

  it("signing out one session leaves the user's other sessions alone", async () => {
    const user = await makeUser();
    const laptop = await signInCookie(user);
    const phone = await signInCookie(user);
    await options.events!.signOut!({
      token: (await decode({ token: laptop, secret: SECRET }))!,
    } as never);
    expect(await signedInAs(laptop)).toBeNull();
    expect(await signedInAs(phone)).toBe(user);
  });

  it("a role change by another admin ends the target's sessions", async () => {
    const admin = await makeUser(["it-admins"]);
    const target = await makeUser(["hr-admins"]);
    const cookie = await signInCookie(target);
    const adminCookie = await signInCookie(admin);
    expect(await signedInAs(cookie)).toBe(target);
    await setRoleOverride(
      { userId: target, roles: ["EMPLOYEE"] },
      { actor: { type: "user", id: admin, name: "Admin" } },
    );
    expect(await signedInAs(cookie)).toBeNull();
    expect(await signedInAs(adminCookie)).toBe(admin);
  });

  it("ends a session idle for SESSION_IDLE_MINUTES, for good", async () => {
    const user = await makeUser();
    const cookie = await signInCookie(user);
    const id = await sessionIdOf(cookie);
    await db.userSession.update({
      where: { id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await signedInAs(cookie)).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).revokedReason).toBe("idle");
    // Activity afterwards does not bring it back.
    await db.userSession.update({ where: { id }, data: { lastSeenAt: new Date() } });
    expect(await signedInAs(cookie)).toBeNull();
  });

  it("ends an active session SESSION_MAX_HOURS after sign-in", async () => {
    const user = await makeUser();
    const cookie = await signInCookie(user);
    const id = await sessionIdOf(cookie);
    const row = await db.userSession.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 3600_000);
    await db.userSession.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    expect(await signedInAs(cookie)).toBeNull();
  });

  it("refuses a cookie from before server-side sessions (no session id)", async () => {
    const user = await makeUser();
    const legacy = await encode({ token: { sub: "sso-sub", uid: user }, secret: SECRET });
    expect(await signedInAs(legacy)).toBeNull();
  });
});

describe("separation of duties on /users", () => {
  const refusal = async (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { status?: number; code?: string; message?: string }) => ({
        status: e.status,
        code: e.code,
      }),
    );

  it("an IT admin cannot grant themselves HR admin: 403, nothing written", async () => {
    const admin = await makeUser(["it-admins"]);
    const audits = await db.auditLog.count({ where: { targetId: admin } });
    expect(
      await refusal(
        setRoleOverride(
          { userId: admin, roles: ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"] },
          { actor: { type: "user", id: admin, name: "Self" } },
        ),
      ),
    ).toEqual({ status: 403, code: "own_roles" });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin } });
    expect(row.overrideSet).toBe(false);
    expect(await db.auditLog.count({ where: { targetId: admin } })).toBe(audits);
  });

  it("an HR admin acting outside the console rules cannot grant IT admin", async () => {
    const hr = await makeUser(["hr-admins"]);
    const target = await makeUser();
    expect(
      await refusal(
        setRoleOverride(
          { userId: target, roles: ["EMPLOYEE", "IT_ADMIN"] },
          { actor: { type: "user", id: hr, name: "HR" } },
        ),
      ),
    ).toEqual({ status: 403, code: "role_change_not_allowed" });
  });

  it("another IT admin may grant HR admin, and it is audited", async () => {
    const admin = await makeUser(["it-admins"]);
    const target = await makeUser();
    await setRoleOverride(
      { userId: target, roles: ["EMPLOYEE", "HR_ADMIN"] },
      { actor: { type: "user", id: admin, name: "Admin" } },
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "user.roles_overridden", targetId: target },
    });
    expect(audit.actorId).toBe(admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: target } })).roleOverride).toEqual([
      "EMPLOYEE",
      "HR_ADMIN",
    ]);
  });
});

describe("next-auth redirect callback", () => {
  it.each(["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/"])(
    "sends %j home instead of off-site",
    async (url) => {
      expect(await options.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" })).toBe(
        "http://localhost:3000/",
      );
    },
  );

  it("keeps a same-origin path", async () => {
    expect(
      await options.callbacks!.redirect!({ url: "/sync?x=1", baseUrl: "http://localhost:3000" }),
    ).toBe("http://localhost:3000/sync?x=1");
  });
});
