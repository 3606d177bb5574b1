// The OAuth 2.0 client credentials flow end to end: the real token endpoint and /api/v1 route
// handlers, called with real Requests, on the real test database.
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import type { Actor } from "@/lib/core/audit/record-audit";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();
const signingKey = randomBytes(32).toString("base64");
process.env.ORGBRIDGE_OAUTH_SIGNING_KEY = signingKey;
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin-oauth", name: "IT Admin" };
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

let db: (typeof import("@/lib/core/db"))["db"];
let tokenPOST: (req: Request) => Promise<Response>;
let orgUnitsGET: Handler;
let employeesGET: Handler;
let create: typeof import("./create-oauth-client").createOAuthClient;

beforeAll(async () => {
  db = (await import("@/lib/core/db")).db;
  ({ POST: tokenPOST } = await import("@/app/api/oauth/token/route"));
  ({ GET: orgUnitsGET } = (await import("@/app/api/v1/org-units/route")) as never);
  ({ GET: employeesGET } = (await import("@/app/api/v1/employees/route")) as never);
  ({ createOAuthClient: create } = await import("./create-oauth-client"));
});

const ip = "198.51.100.20";
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

async function tokenRequest(
  body: string,
  headers: Record<string, string> = {},
  peer = ip,
): Promise<{ status: number; body: Record<string, string>; headers: Headers }> {
  const res = await tokenPOST(
    new Request("http://orgbridge.test/api/oauth/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        [PEER_HEADER]: peer,
        ...headers,
      },
      body,
    }),
  );
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function apiCall(handler: Handler, path: string, accessToken: string, peer = ip) {
  const res = await handler(
    new Request(`http://orgbridge.test${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, [PEER_HEADER]: peer },
    }),
    { params: Promise.resolve({}) as Promise<never> },
  );
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function newClient(overrides: Partial<Parameters<typeof create>[0]> = {}) {
  return create(
    {
      name: `client ${randomBytes(3).toString("hex")}`,
      scopes: ["org:read", "employees:read"],
      expiresInDays: 30,
      ...overrides,
    },
    { actor: admin },
  );
}

describe("OAuth 2.0 client credentials", () => {
  it("issues a short-lived Bearer token over HTTP Basic that /api/v1 accepts, logged and audited", async () => {
    const client = await newClient();
    const res = await tokenRequest(form({ grant_type: "client_credentials" }), {
      authorization: basic(client.clientId, client.clientSecret),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 900,
      scope: "org:read employees:read",
    });
    const call = await apiCall(orgUnitsGET, "/api/v1/org-units?limit=1", res.body.access_token);
    expect(call.status).toBe(200);
    const log = await db.apiRequestLog.findFirstOrThrow({
      where: { requestId: call.headers.get("x-request-id")! },
    });
    expect([log.oauthClientId, log.tokenId, log.status]).toEqual([client.id, null, 200]);
    const issueLog = await db.apiRequestLog.findFirstOrThrow({
      where: { requestId: res.headers.get("x-request-id")! },
    });
    expect(issueLog.oauthClientId).toBe(client.id);
    expect(issueLog.responseBody).not.toContain(res.body.access_token);
    const audit = await db.auditLog.findMany({
      where: { targetId: client.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ["oauth_client.created", "user"],
      ["oauth.token_issued", "client"],
    ]);
  });

  it("accepts client_id and client_secret in the body, and stores only a hash of the secret", async () => {
    const client = await newClient();
    const res = await tokenRequest(
      form({
        grant_type: "client_credentials",
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    );
    expect(res.status).toBe(200);
    const dump = JSON.stringify(
      await db.$queryRaw`SELECT * FROM "OAuthClient" WHERE id = ${client.id}`,
    );
    expect(dump).not.toContain(client.clientSecret);
    expect(dump).not.toContain(client.clientSecret.slice(4));
  });

  it("refuses a wrong secret and an unknown client with 401 invalid_client and WWW-Authenticate", async () => {
    const client = await newClient();
    for (const auth of [
      basic(client.clientId, `${client.clientSecret.slice(0, -2)}xx`),
      basic("obc_000000000000000000000000", client.clientSecret),
      basic(client.clientId, ""),
    ]) {
      const res = await tokenRequest(form({ grant_type: "client_credentials" }), {
        authorization: auth,
      });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("invalid_client");
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm="orgbridge"/);
    }
  });

  it("answers RFC 6749 errors for malformed requests", async () => {
    const client = await newClient();
    const auth = { authorization: basic(client.clientId, client.clientSecret) };
    const cases: [string, Record<string, string>, number, string][] = [
      [form({ grant_type: "password" }), auth, 400, "unsupported_grant_type"],
      [form({ grant_type: "authorization_code" }), auth, 400, "unsupported_grant_type"],
      [form({}), auth, 400, "invalid_request"],
      ["grant_type=client_credentials&grant_type=client_credentials", auth, 400, "invalid_request"],
      [
        form({ grant_type: "client_credentials", client_id: client.clientId }),
        auth,
        400,
        "invalid_request",
      ],
      [
        form({ grant_type: "client_credentials", scope: "org:read\u0000" }),
        auth,
        400,
        "invalid_request",
      ],
      [form({ grant_type: "client_credentials", scope: "   " }), auth, 400, "invalid_scope"],
      [form({ grant_type: "client_credentials" }), {}, 401, "invalid_client"],
    ];
    for (const [body, headers, status, error] of cases) {
      const res = await tokenRequest(body, headers);
      expect([body, res.status, res.body.error]).toEqual([body, status, error]);
      expect(res.body.error_description).toBeTruthy();
    }
    const json = await tokenRequest(JSON.stringify({ grant_type: "client_credentials" }), {
      ...auth,
      "content-type": "application/json",
    });
    expect([json.status, json.body.error]).toEqual([400, "invalid_request"]);
    const huge = await tokenRequest(`grant_type=client_credentials&x=${"a".repeat(20_000)}`, auth);
    expect([huge.status, huge.body.error]).toEqual([413, "invalid_request"]);
  });

  it("narrows the token to the scopes asked for, and refuses a scope the client lacks", async () => {
    const client = await newClient({ scopes: ["org:read", "employees:read"] });
    const auth = { authorization: basic(client.clientId, client.clientSecret) };
    const narrow = await tokenRequest(
      form({ grant_type: "client_credentials", scope: "org:read" }),
      auth,
    );
    expect([narrow.status, narrow.body.scope]).toEqual([200, "org:read"]);
    expect((await apiCall(orgUnitsGET, "/api/v1/org-units", narrow.body.access_token)).status).toBe(
      200,
    );
    const denied = await apiCall(employeesGET, "/api/v1/employees", narrow.body.access_token);
    expect([denied.status, denied.body.error.code]).toEqual([403, "insufficient_scope"]);

    const wider = await tokenRequest(
      form({ grant_type: "client_credentials", scope: "org:read sync:write" }),
      auth,
    );
    expect([wider.status, wider.body.error]).toEqual([400, "invalid_scope"]);
    expect(wider.body.error_description).toContain("sync:write");
  });

  it("refuses an expired access token, and an expired client at the token endpoint", async () => {
    const client = await newClient();
    const key = new Uint8Array(Buffer.from(signingKey, "base64"));
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    const now = Math.floor(Date.now() / 1000);
    const stale = await new SignJWT({
      scope: "org:read",
      client_id: client.clientId,
      rot: row.secretRotatedAt.getTime(),
    })
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
      .setIssuer("orgbridge")
      .setAudience("orgbridge-api-v1")
      .setSubject(client.id)
      .setIssuedAt(now - 1000)
      .setExpirationTime(now - 100)
      .sign(key);
    const expired = await apiCall(orgUnitsGET, "/api/v1/org-units", stale);
    expect([expired.status, expired.body.error.code]).toEqual([401, "expired_token"]);

    const issued = await tokenRequest(form({ grant_type: "client_credentials" }), {
      authorization: basic(client.clientId, client.clientSecret),
    });
    await db.oAuthClient.update({
      where: { id: client.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await apiCall(orgUnitsGET, "/api/v1/org-units", issued.body.access_token);
    expect([late.status, late.body.error.code]).toEqual([401, "expired_token"]);
    const again = await tokenRequest(form({ grant_type: "client_credentials" }), {
      authorization: basic(client.clientId, client.clientSecret),
    });
    expect([again.status, again.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("refuses forged tokens: another key, alg none, a tampered payload", async () => {
    const client = await newClient();
    const now = Math.floor(Date.now() / 1000);
    const claims = { scope: "org:read", client_id: client.clientId, rot: 0 };
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
      .setIssuer("orgbridge")
      .setAudience("orgbridge-api-v1")
      .setSubject(client.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(randomBytes(32));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const none = `${b64({ alg: "none", typ: "at+jwt" })}.${b64({ ...claims, sub: client.id, iss: "orgbridge", aud: "orgbridge-api-v1", iat: now, exp: now + 600 })}.`;
    const real = await tokenRequest(form({ grant_type: "client_credentials", scope: "org:read" }), {
      authorization: basic(client.clientId, client.clientSecret),
    });
    const [h, , s] = real.body.access_token.split(".");
    const tampered = `${h}.${b64({ ...claims, scope: "org:read employees:read sync:write" })}.${s}`;
    for (const jwt of [otherKey, `${none}x`, tampered]) {
      const res = await apiCall(orgUnitsGET, "/api/v1/org-units", jwt);
      expect([res.status, res.body.error.code]).toEqual([401, "invalid_token"]);
    }
  });

  it("revoking the client stops its tokens at once; rotation ends the old secret and its tokens", async () => {
    const { revokeOAuthClient } = await import("./revoke-oauth-client");
    const { rotateOAuthClientSecret } = await import("./rotate-oauth-client-secret");
    const client = await newClient();
    const auth = (secret: string) => ({ authorization: basic(client.clientId, secret) });
    const first = await tokenRequest(
      form({ grant_type: "client_credentials" }),
      auth(client.clientSecret),
    );

    const rotated = await rotateOAuthClientSecret({ id: client.id }, { actor: admin });
    const old = await apiCall(orgUnitsGET, "/api/v1/org-units", first.body.access_token);
    expect([old.status, old.body.error.code]).toEqual([401, "revoked_token"]);
    expect(
      (await tokenRequest(form({ grant_type: "client_credentials" }), auth(client.clientSecret)))
        .status,
    ).toBe(401);
    const second = await tokenRequest(
      form({ grant_type: "client_credentials" }),
      auth(rotated.clientSecret),
    );
    expect(second.status).toBe(200);
    expect((await apiCall(orgUnitsGET, "/api/v1/org-units", second.body.access_token)).status).toBe(
      200,
    );

    await revokeOAuthClient({ id: client.id }, { actor: admin });
    const gone = await apiCall(orgUnitsGET, "/api/v1/org-units", second.body.access_token);
    expect([gone.status, gone.body.error.code]).toEqual([401, "revoked_token"]);
    const refused = await tokenRequest(
      form({ grant_type: "client_credentials" }),
      auth(rotated.clientSecret),
    );
    expect([refused.status, refused.body.error]).toEqual([401, "invalid_client"]);
    expect(
      (
        await db.auditLog.findMany({
          where: { targetId: client.id },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => a.action),
    ).toEqual([
      "oauth_client.created",
      "oauth.token_issued",
      "oauth_client.secret_rotated",
      "oauth.token_issued",
      "oauth_client.revoked",
    ]);
  });

  it("enforces the client's IP allow-list at the token endpoint and on /api/v1", async () => {
    const client = await newClient({ ipAllowList: ["10.0.0.0/8"] });
    const auth = { authorization: basic(client.clientId, client.clientSecret) };
    const outside = await tokenRequest(
      form({ grant_type: "client_credentials" }),
      auth,
      "192.0.2.1",
    );
    expect([outside.status, outside.body.error]).toEqual([401, "invalid_client"]);
    const inside = await tokenRequest(form({ grant_type: "client_credentials" }), auth, "10.1.2.3");
    expect(inside.status).toBe(200);
    const moved = await apiCall(
      orgUnitsGET,
      "/api/v1/org-units",
      inside.body.access_token,
      "192.0.2.1",
    );
    expect([moved.status, moved.body.error.code]).toEqual([403, "ip_not_allowed"]);
  });

  it("answers 503 temporarily_unavailable when no signing key is configured", async () => {
    const client = await newClient();
    delete process.env.ORGBRIDGE_OAUTH_SIGNING_KEY;
    try {
      const res = await tokenRequest(form({ grant_type: "client_credentials" }), {
        authorization: basic(client.clientId, client.clientSecret),
      });
      expect([res.status, res.body.error]).toEqual([503, "temporarily_unavailable"]);
      expect(res.body.error_description).toContain("ORGBRIDGE_OAUTH_SIGNING_KEY");
    } finally {
      process.env.ORGBRIDGE_OAUTH_SIGNING_KEY = signingKey;
    }
  });

  it("refuses bad client input naming the field, writing nothing", async () => {
    const before = await db.oAuthClient.count();
    await expect(newClient({ name: " " })).rejects.toThrow(/Name is required/);
    await expect(newClient({ scopes: ["admin" as "read"] })).rejects.toThrow(/scopes/);
    await expect(newClient({ ipAllowList: ["nope"] })).rejects.toThrow(/CIDR/);
    await expect(newClient({ rateLimitPerMinute: 0 })).rejects.toThrow(/at least 1/);
    expect(await db.oAuthClient.count()).toBe(before);
  });
});
