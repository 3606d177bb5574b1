// Per-credential rate limits through the real route wrapper, and the PostgreSQL counter shared by
// two limiter instances with their own connection pools (two app instances, one database).
import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import type { Actor } from "@/lib/core/audit/record-audit";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
process.env.ORGBRIDGE_OAUTH_SIGNING_KEY = randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin-rate", name: "IT Admin" };
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
let db: (typeof import("@/lib/core/db"))["db"];
let GET: Handler;

beforeAll(async () => {
  db = (await import("@/lib/core/db")).db;
  ({ GET } = (await import("@/app/api/v1/org-units/route")) as never);
});

async function call(auth: string | null, peer = "198.51.100.30") {
  const res = await GET(
    new Request("http://orgbridge.test/api/v1/org-units?limit=1", {
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), [PEER_HEADER]: peer },
    }),
    { params: Promise.resolve({}) as Promise<never> },
  );
  const h = (name: string) => res.headers.get(name);
  return {
    status: res.status,
    body: await res.json(),
    limit: h("ratelimit-limit"),
    remaining: h("ratelimit-remaining"),
    reset: Number(h("ratelimit-reset")),
    retryAfter: h("retry-after"),
  };
}

/**
 * Waits out the end of a minute when fewer than `seconds` are left in it: a burst of calls must
 * fall into one window for its counts to mean anything. Correctness, not timing, is asserted.
 */
async function freshWindow(seconds = 15) {
  const [{ left }] = await db.$queryRaw<{ left: number }[]>`
    SELECT (60 - EXTRACT(SECOND FROM clock_timestamp()))::float8 AS left`;
  if (left < seconds) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

async function token(rateLimitPerMinute: number | null) {
  const { createToken } = await import("@/lib/tokens/commands/create-token");
  return createToken(
    {
      name: `rl ${randomUUID().slice(0, 6)}`,
      scopes: ["read"],
      expiresInDays: 30,
      rateLimitPerMinute,
    },
    { actor: admin },
  );
}

describe("rate limits per credential", () => {
  it("counts down RateLimit-Remaining on every answer and refuses past the token's own limit with 429", async () => {
    const { token: t } = await token(3);
    await freshWindow();
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await call(t));
    expect(seen.map((s) => [s.status, s.limit, s.remaining])).toEqual([
      [200, "3", "2"],
      [200, "3", "1"],
      [200, "3", "0"],
      [429, "3", "0"],
      [429, "3", "0"],
    ]);
    for (const s of seen) expect(s.reset).toBeGreaterThanOrEqual(1);
    for (const s of seen) expect(s.reset).toBeLessThanOrEqual(60);
    const refused = seen[3];
    expect(refused.retryAfter).toBe(String(refused.reset));
    expect(refused.body.error).toMatchObject({ code: "rate_limited" });
    expect(refused.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0].retryAfter).toBeNull();
  });

  it("uses API_RATE_LIMIT_PER_MINUTE when the credential sets none, and each credential has its own count", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      const a = await token(null);
      const b = await token(null);
      await freshWindow();
      expect((await call(a.token)).limit).toBe("2");
      await call(a.token);
      expect((await call(a.token)).status).toBe(429);
      const other = await call(b.token);
      expect([other.status, other.remaining]).toEqual([200, "1"]);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });

  it("limits an OAuth client by its own setting, across the access tokens it holds", async () => {
    const { createOAuthClient } = await import("@/lib/oauth/commands/create-oauth-client");
    const { POST } = await import("@/app/api/oauth/token/route");
    const client = await createOAuthClient(
      { name: "rl client", scopes: ["org:read"], expiresInDays: 30, rateLimitPerMinute: 2 },
      { actor: admin },
    );
    const issue = async () => {
      const res = await POST(
        new Request("http://orgbridge.test/api/oauth/token", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: client.clientId,
            client_secret: client.clientSecret,
          }),
        }),
      );
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const [first, second] = [await issue(), await issue()];
    await freshWindow();
    expect((await call(first)).status).toBe(200);
    expect((await call(second)).remaining).toBe("0");
    const refused = await call(first);
    expect([refused.status, refused.limit]).toEqual([429, "2"]);
  });

  it("a limit set in the console applies to the next call, audited; a bad value names the field", async () => {
    const { setRateLimit } = await import("@/lib/tokens/commands/set-rate-limit");
    const t = await token(null);
    await setRateLimit({ kind: "token", id: t.id, rateLimitPerMinute: 1 }, { actor: admin });
    await freshWindow();
    expect((await call(t.token)).limit).toBe("1");
    expect((await call(t.token)).status).toBe(429);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: t.id, action: "token.rate_limit_set" },
    });
    expect(audit.after).toEqual({ rateLimitPerMinute: 1 });
    await expect(
      setRateLimit({ kind: "token", id: t.id, rateLimitPerMinute: 0 }, { actor: admin }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["rateLimitPerMinute"] })],
    });
    await expect(
      setRateLimit({ kind: "client", id: "nope", rateLimitPerMinute: 5 }, { actor: admin }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("unauthenticated answers carry the per-address limit's headers too", async () => {
    const res = await call(
      null,
      `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    );
    expect(res.limit).toBe("30");
    expect(res.body.error.requestId).toBeTruthy();
    // Another file in this run may already have flooded the shared overflow row this minute
    // (past 100 addresses they share one count): then this fresh address is limited with it.
    if (res.status === 429) {
      expect([res.remaining, res.retryAfter]).toEqual(["0", String(res.reset)]);
    } else {
      expect(res.status).toBe(401);
      expect(Number(res.remaining)).toBeLessThan(30);
      expect(res.retryAfter).toBeNull();
    }
  });
});

describe("the shared PostgreSQL counter", () => {
  const instances: PrismaClient[] = [];
  afterAll(async () => {
    await Promise.all(instances.map((c) => c.$disconnect()));
  });

  it("holds one limit across two limiter instances with separate pools, under concurrent calls", async () => {
    const { consumeRateLimit } = await import("./consume-rate-limit");
    for (let i = 0; i < 2; i++)
      instances.push(
        new PrismaClient({
          adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 4 }),
        }),
      );
    await freshWindow();
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => consumeRateLimit(key, 10, instances[i % 2])),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => !r.allowed)).toHaveLength(30);
    // The same 10 slots seen from each side: remaining counts 9..0 once each among the allowed.
    expect(
      results
        .filter((r) => r.allowed)
        .map((r) => r.remaining)
        .sort((x, y) => x - y),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const fromOther = await consumeRateLimit(key, 10, instances[1]);
    expect([fromOther.allowed, fromOther.remaining]).toEqual([false, 0]);
  });

  it("starts a new window with a fresh count once the minute is over", async () => {
    const { consumeRateLimit } = await import("./consume-rate-limit");
    const key = `test:${randomUUID()}`;
    await db.apiRateWindow.create({
      data: { key, windowStart: new Date(Date.now() - 5 * 60_000), count: 999 },
    });
    const next = await consumeRateLimit(key, 5);
    expect([next.allowed, next.remaining]).toEqual([true, 4]);
  });
});
