import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSecret } from "../rules/generate-secret";
import { safeFetch } from "./safe-fetch";
import { signCallback } from "../rules/sign-callback";
import type { CheckUrlOptions } from "./ssrf-guard";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const secret = generateSecret();
const hits: Record<string, number> = {};
let base = "";
let closedPort = 0;
const servers: http.Server[] = [];

const routes: Record<string, Handler> = {
  "/ok": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("thanks"),
  "/verify": (req, res, body) => {
    try {
      new Webhook(secret).verify(body, req.headers as Record<string, string>);
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(400).end((error as Error).message);
    }
  },
  "/500": (_req, res) => res.writeHead(500).end("boom"),
  "/429": (_req, res) => res.writeHead(429, { "retry-after": "30" }).end(),
  "/slow": () => {}, // never answers
  "/slow-body": (_req, res) => res.writeHead(200).write("partial"), // never ends
  "/cut": (req, res) => {
    res.writeHead(200, { "content-length": "100" });
    res.write("only ten b");
    setImmediate(() => req.socket.destroy());
  },
  "/redirect": (_req, res) => res.writeHead(302, { location: "/ok" }).end(),
  "/redirect-307": (_req, res) => res.writeHead(307, { location: "/ok" }).end(),
  "/redirect-metadata": (_req, res) =>
    res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
  "/redirect-loop": (_req, res) => res.writeHead(307, { location: "/redirect-loop" }).end(),
  "/huge": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = "x".repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 16 && res.write(chunk)) sent++;
      if (sent < 16) res.once("drain", pump);
      else res.end();
    };
    pump();
  },
  "/chinese": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/plain; charset=utf-8" })
      .end("回调成功".repeat(2000)),
  "/echo-host": (req, res) => res.writeHead(200).end(String(req.headers.host)),
};

beforeAll(async () => {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    hits[path] = (hits[path] ?? 0) + 1;
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: bind, note it, close.
  const gone = http.createServer();
  await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
  closedPort = (gone.address() as AddressInfo).port;
  await new Promise<void>((resolve) => gone.close(() => resolve()));
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const guard: CheckUrlOptions = { allowHttp: true, allowList: ["127.0.0.1"] };
const post = (path: string, extra: Partial<Parameters<typeof safeFetch>[0]> = {}) =>
  safeFetch({
    url: `${base}${path}`,
    body: "{}",
    headers: { "content-type": "application/json" },
    guard,
    ...extra,
  });

describe("safeFetch against local receivers", () => {
  it("returns status, headers, body excerpt and latency", async () => {
    const result = await post("/ok");
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      bodyExcerpt: "thanks",
      bodyTruncated: false,
      address: "127.0.0.1",
      redirects: [],
    });
    expect(result.ok && result.headers["content-type"]).toBe("text/plain");
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("delivers a signed callback the receiver verifies with the standardwebhooks library", async () => {
    const signed = signCallback({
      id: "evt_1",
      type: "notification.read",
      timestamp: new Date(),
      data: { employeeNo: "E1", 备注: "已读" },
      secret,
    });
    const result = await safeFetch({
      url: `${base}/verify`,
      body: signed.body,
      headers: signed.headers,
      guard,
    });
    expect(result).toMatchObject({ ok: true, status: 204 });
  });

  it("reports a 500 as a response", async () => {
    expect(await post("/500")).toMatchObject({ ok: true, status: 500, bodyExcerpt: "boom" });
  });

  it("passes Retry-After through", async () => {
    const result = await post("/429");
    expect(result.ok && [result.status, result.headers["retry-after"]]).toEqual([429, "30"]);
  });

  it("times out a receiver that never answers", async () => {
    const result = await post("/slow", { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
  });

  it("times out a body that never ends", async () => {
    const result = await post("/slow-body", { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
  });

  it("reports a connection closed mid-response as a reset", async () => {
    const result = await post("/cut");
    expect(result).toMatchObject({ ok: false, error: { kind: "reset", status: 200 } });
  });

  it("does not follow a redirect by default", async () => {
    const before = hits["/ok"] ?? 0;
    const result = await post("/redirect");
    expect(result).toMatchObject({ ok: true, status: 302, redirects: [] });
    expect(result.ok && result.headers.location).toBe("/ok");
    expect(hits["/ok"] ?? 0).toBe(before);
  });

  it("does not follow a 302 even when following is on (it would turn POST into GET)", async () => {
    expect(await post("/redirect", { maxRedirects: 3 })).toMatchObject({ ok: true, status: 302 });
  });

  it("follows a 307 when asked, re-checking the target", async () => {
    const result = await post("/redirect-307", { maxRedirects: 1 });
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      bodyExcerpt: "thanks",
      redirects: [`${base}/ok`],
    });
  });

  it("refuses a redirect to the metadata service without contacting it", async () => {
    const result = await post("/redirect-metadata", { maxRedirects: 1 });
    expect(result).toMatchObject({
      ok: true,
      status: 307,
      redirectRefusal: { reason: "metadata" },
    });
  });

  it("stops after maxRedirects", async () => {
    const result = await post("/redirect-loop", { maxRedirects: 2 });
    expect(result).toMatchObject({ ok: true, status: 307 });
    expect(result.ok && result.redirects).toHaveLength(2);
  });

  it("reads at most 4 KB of a huge body, then hangs up", async () => {
    const result = await post("/huge");
    expect(result).toMatchObject({ ok: true, status: 200, bodyTruncated: true });
    expect(result.ok && Buffer.byteLength(result.bodyExcerpt)).toBe(4096);
  });

  it("truncates multi-byte text on a character boundary", async () => {
    const result = await post("/chinese", { maxBodyBytes: 1000 });
    expect(result.ok && result.bodyTruncated).toBe(true);
    const text = result.ok ? result.bodyExcerpt : "";
    expect(Buffer.byteLength(text)).toBe(999);
    expect(text).not.toContain("\uFFFD");
  });

  it("refuses a loopback URL that is not allow-listed, without connecting", async () => {
    const before = hits["/ok"] ?? 0;
    const result = await post("/ok", { guard: { allowHttp: true } });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "blocked", refusal: { reason: "loopback" } },
    });
    expect(hits["/ok"] ?? 0).toBe(before);
  });

  it("refuses plain http unless allowed", async () => {
    const result = await post("/ok", { guard: { allowList: ["127.0.0.1"] } });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "blocked", refusal: { reason: "scheme_not_allowed" } },
    });
  });

  it("reports a refused connection", async () => {
    const result = await safeFetch({ url: `http://127.0.0.1:${closedPort}/`, body: "{}", guard });
    expect(result).toMatchObject({ ok: false, error: { kind: "refused" } });
  });

  it("reports a name that does not resolve as dns", async () => {
    const resolve = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" });
    };
    const result = await safeFetch({
      url: "https://nowhere.test/cb",
      body: "{}",
      guard: { resolve },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: "dns" } });
  });

  it("connects to the checked address only: one DNS answer, no rebinding", async () => {
    const port = new URL(base).port;
    const answers = ["127.0.0.1", "10.0.0.1"];
    let calls = 0;
    const resolve = async () => [{ address: answers[Math.min(calls++, 1)], family: 4 }];
    const result = await safeFetch({
      url: `http://hooks.test:${port}/echo-host`,
      body: "{}",
      guard: { allowHttp: true, allowList: ["127.0.0.1/32"], resolve },
    });
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      bodyExcerpt: `hooks.test:${port}`,
      address: "127.0.0.1",
    });
    expect(calls).toBe(1);
  });

  it("refuses when the name now resolves to a private address", async () => {
    const resolve = async () => [{ address: "192.168.1.20", family: 4 }];
    const result = await safeFetch({
      url: "https://hooks.test/cb",
      body: "{}",
      guard: { resolve },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "blocked", refusal: { reason: "private", address: "192.168.1.20" } },
    });
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    const pending = post("/slow", { signal: controller.signal, timeoutMs: 60_000 });
    setImmediate(() => controller.abort());
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).not.toBe("timeout");
  });
});
