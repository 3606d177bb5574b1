// Registration (PUT /api/inngest) through the app's real handler and the real
// embedded executor: a forged sync is refused and registered URLs stay put.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startExecutor, type ExecutorHandle } from "./engine";
import { hashSigningKey, signBody } from "./engine/signing";
import { serveApp } from "./serve-app";

const databaseUrl = inject("databaseUrl");
const SIGNING_KEY = `signkey-test-${"7a".repeat(32)}`;
const OTHER_KEY = `signkey-test-${"3c".repeat(32)}`;
const APP_ID = "registration-test";
const FN_ID = `${APP_ID}-noop`;

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Serves route handlers over plain node:http, as Next.js would call them. */
function nodeAdapter(handlers: Record<string, (req: Request, ctx: unknown) => Promise<Response>>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length ? body : undefined,
    });
    const response = await handlers[req.method ?? "GET"](request, {});
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

async function waitForUrl(want: (url: string | undefined) => boolean) {
  for (let i = 0; i < 400; i++) {
    const row = await db.jobFunction.findUnique({ where: { id: FN_ID } });
    if (want(row?.url)) return row!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("registration did not arrive");
}

describe("PUT /api/inngest (function registration)", () => {
  let executor: ExecutorHandle;
  let appServer: Server;
  let appUrl: string;
  let handlers: ReturnType<typeof serveApp>;

  beforeAll(async () => {
    const probe = createServer();
    const executorPort = await listen(probe);
    await new Promise<void>((r) => probe.close(() => r()));
    process.env.INNGEST_DEV = "0";
    process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
    process.env.INNGEST_EVENT_KEY = "registration-event-key";
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
    const client = new Inngest({ id: APP_ID });
    const noop = client.createFunction(
      { id: "noop", triggers: { event: "test/registration-noop" } },
      async () => "ok",
    );
    handlers = serveApp({ client, functions: [noop] });
    appServer = createServer(nodeAdapter(handlers));
    appUrl = `http://127.0.0.1:${await listen(appServer)}/api/inngest`;
    executor = await startExecutor({
      port: executorPort,
      databaseUrl,
      signingKey: SIGNING_KEY,
      appUrls: [appUrl],
      log: () => {},
    });
    await waitForUrl((u) => u?.startsWith(appUrl) ?? false);
  });

  afterAll(async () => {
    await executor?.stop();
    await new Promise<void>((r) => (appServer ? appServer.close(() => r()) : r()));
    await db.jobFunction.deleteMany({ where: { appId: APP_ID } });
    await db.$disconnect();
  });

  test("an unsigned PUT naming another host is refused and the function keeps its URL", async () => {
    const forged = await handlers.PUT(
      new Request("http://attacker.example/api/inngest", {
        method: "PUT",
        headers: { host: "attacker.example" },
      }),
      {},
    );
    expect(forged.status).toBe(401);
    expect(JSON.stringify(await forged.json())).toMatch(/signed/);
    // Over HTTP too, in both sync kinds.
    for (const kind of ["out_of_band", "in_band"]) {
      const res = await fetch(appUrl, {
        method: "PUT",
        headers: { "x-inngest-sync-kind": kind, "content-type": "application/json" },
        body: JSON.stringify({ url: "http://attacker.example/api/inngest" }),
      });
      expect(res.status).toBe(401);
    }
    const row = await db.jobFunction.findUniqueOrThrow({ where: { id: FN_ID } });
    expect(row.url.startsWith(appUrl)).toBe(true);
    expect(row.appUrl).toBe(appUrl);
  });

  test("a PUT signed with another key is refused", async () => {
    const body = JSON.stringify({ url: "http://attacker.example/api/inngest" });
    const res = await fetch(appUrl, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        "x-inngest-sync-kind": "in_band",
        "x-inngest-signature": signBody(body, OTHER_KEY),
      },
      body,
    });
    expect(res.status).toBe(401);
    expect((await db.jobFunction.findUniqueOrThrow({ where: { id: FN_ID } })).appUrl).toBe(appUrl);
  });

  test("the executor refuses an out-of-band registration for a URL it does not serve", async () => {
    const res = await fetch(new URL("/fn/register", process.env.INNGEST_BASE_URL), {
      method: "POST",
      headers: {
        authorization: `Bearer ${hashSigningKey(SIGNING_KEY)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        url: "http://attacker.example/api/inngest",
        appName: APP_ID,
        functions: [
          {
            id: FN_ID,
            triggers: [{ event: "test/registration-noop" }],
            steps: {
              step: {
                id: "step",
                runtime: { type: "http", url: "http://attacker.example/api/inngest?fnId=x" },
              },
            },
          },
        ],
      }),
    });
    expect(res.status).toBe(400);
    expect((await db.jobFunction.findUniqueOrThrow({ where: { id: FN_ID } })).appUrl).toBe(appUrl);
  });

  test("the executor's own signed sync still registers the app", async () => {
    await db.jobFunction.update({ where: { id: FN_ID }, data: { url: "http://stale.invalid/" } });
    await executor.sync();
    const row = await db.jobFunction.findUniqueOrThrow({ where: { id: FN_ID } });
    expect(row.url.startsWith(appUrl)).toBe(true);
  });
});
