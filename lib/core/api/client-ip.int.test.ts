// A token's IP allow-list against forged forwarding headers, through the real
// route wrapper (withApi) and the API request log.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();

const actor = { type: "user" as const, id: "it-admin-ip", name: "IT Test" };
let GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let token: string;
let tokenId: string;

beforeAll(async () => {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: "x".repeat(32),
    OIDC_ISSUER: "http://127.0.0.1:3100",
    OIDC_CLIENT_ID: "orgbridge",
    OIDC_CLIENT_SECRET: "secret",
    ORGBRIDGE_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
    // The app's reverse proxy runs on loopback in this test.
    TRUSTED_PROXIES: "127.0.0.0/8",
  });
  ({ GET } = await import("@/app/api/v1/org-units/route"));
  const { createToken } = await import("@/lib/tokens/commands/create-token");
  ({ token, id: tokenId } = await createToken(
    { name: "office only", scopes: ["read"], expiresInDays: 30, ipAllowList: ["10.0.0.0/8"] },
    { actor },
  ));
});

async function call(headers: Record<string, string>) {
  const res = await GET(
    new Request("http://127.0.0.1:3000/api/v1/org-units?limit=1", {
      headers: { authorization: `Bearer ${token}`, ...headers },
    }),
    { params: Promise.resolve({}) },
  );
  const { db } = await import("@/lib/core/db");
  const log = await db.apiRequestLog.findFirstOrThrow({
    where: { requestId: res.headers.get("x-request-id")! },
  });
  return { status: res.status, loggedIp: log.ip, tokenId: log.tokenId };
}

describe("client address for token allow-lists", () => {
  it.each([
    ["a forged X-Forwarded-For", { "x-forwarded-for": "10.1.2.3" }],
    ["a forged IPv4-mapped X-Forwarded-For", { "x-forwarded-for": "::ffff:10.1.2.3" }],
    ["a forged comma list", { "x-forwarded-for": "10.1.2.3, 10.4.5.6" }],
    ["a forged X-Real-IP", { "x-real-ip": "10.1.2.3" }],
  ])("refuses %s from an outside peer and logs the peer", async (_name, forged) => {
    const got = await call({ ...forged, "x-orgbridge-peer": "203.0.113.9" });
    expect(got).toMatchObject({ status: 403, loggedIp: "203.0.113.9" });
  });

  it("refuses a hop the client prepended in front of the trusted proxy's entry", async () => {
    const got = await call({
      "x-orgbridge-peer": "127.0.0.1",
      "x-forwarded-for": "10.9.9.9, 192.0.2.1",
    });
    expect(got).toMatchObject({ status: 403, loggedIp: "192.0.2.1" });
  });

  it("allows an allow-listed peer, logged in IPv4 form even when it connected IPv4-mapped", async () => {
    expect(await call({ "x-orgbridge-peer": "::ffff:10.2.3.4" })).toEqual({
      status: 200,
      loggedIp: "10.2.3.4",
      tokenId,
    });
  });

  it("allows an allow-listed client reported by the trusted proxy", async () => {
    expect(
      await call({ "x-orgbridge-peer": "127.0.0.1", "x-forwarded-for": "6.6.6.6, 10.2.3.4" }),
    ).toEqual({ status: 200, loggedIp: "10.2.3.4", tokenId });
  });

  it("refuses when the address is unknown (no peer recorded)", async () => {
    expect(await call({ "x-forwarded-for": "10.1.2.3" })).toMatchObject({
      status: 403,
      loggedIp: null,
    });
  });
});
