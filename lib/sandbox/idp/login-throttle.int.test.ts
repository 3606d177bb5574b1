// Brute-force throttling on the embedded IdP's real sign-in form, over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "./demo-accounts";
import { startEmbeddedIdp } from "./start-embedded-idp";

const APP = "http://127.0.0.1:3999";
let idp: Awaited<ReturnType<typeof startEmbeddedIdp>>;
let stateDir: string;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Starts an authorization request and returns the login form's URL and the IdP's cookies. */
async function openLoginForm() {
  const auth = new URL("/auth", idp.issuer);
  auth.search = new URLSearchParams({
    client_id: "orgbridge-console",
    redirect_uri: `${APP}/api/auth/callback/oidc`,
    response_type: "code",
    scope: "openid",
    state: "s",
  }).toString();
  const res = await fetch(auth, { redirect: "manual" });
  const location = res.headers.get("location");
  expect(location).toMatch(/^\/interaction\//);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { action: new URL(`${location}/login`, idp.issuer), cookie };
}

async function submit(
  form: { action: URL; cookie: string },
  login: string,
  password: string,
  locale = "en",
) {
  const res = await fetch(form.action, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie: form.cookie,
      "content-type": "application/x-www-form-urlencoded",
      "accept-language": locale,
    },
    body: new URLSearchParams({ login, password }).toString(),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), html: await res.text() };
}

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "orgbridge-idp-"));
  idp = await startEmbeddedIdp({
    port: await freePort(),
    client: { id: "orgbridge-console", secret: "test-secret", appUrl: APP },
    stateDir,
    throttle: { perLogin: 3, perIp: 6, windowSeconds: 600 },
  });
});

afterAll(async () => {
  await idp?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe("embedded IdP sign-in throttling", () => {
  it("refuses a login after repeated wrong passwords, even with the right one, with a clear message", async () => {
    const form = await openLoginForm();
    for (let i = 0; i < 3; i++) {
      const wrong = await submit(form, "hr.admin", `guess-${i}`);
      expect(wrong.status).toBe(401);
      expect(wrong.html).toContain("Wrong username or password.");
    }
    const locked = await submit(form, "hr.admin", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.html).toContain("Too many failed sign-in attempts. Try again in 10 minutes.");
    const zh = await submit(form, "hr.admin", DEMO_PASSWORD, "zh-CN");
    expect(zh.html).toContain("登录失败次数过多");
  });

  it("a correct password for another login still works, until the address is throttled", async () => {
    const ok = await submit(await openLoginForm(), "it.admin", DEMO_PASSWORD);
    expect(ok.status).toBeGreaterThanOrEqual(300);
    expect(ok.status).toBeLessThan(400);
    // Three failures so far from this address; three more reach the per-address limit.
    const form = await openLoginForm();
    for (const login of ["a.guess", "b.guess", "c.guess"]) {
      expect((await submit(form, login, "x")).status).toBe(401);
    }
    expect((await submit(await openLoginForm(), "zhang.wei", DEMO_PASSWORD)).status).toBe(429);
  });
});
