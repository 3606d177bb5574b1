// Calling /api/v1 route handlers in integration tests: real Requests, real tokens, the error
// envelope checked, lists walked by cursor, and a stand-in for the executor that records the
// events commands send (the real Inngest SDK posts to it).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { expect } from "vitest";
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import type { Actor } from "@/lib/core/audit/record-audit";
import { listen } from "./wait-for";

const admin: Actor = { type: "user", id: "it-admin-v1", name: "IT Admin" };
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
export type Answer = {
  status: number;
  // Parsed JSON of many shapes; each test reads the fields it asserts on.
  body: Record<string, any>;
  headers: Headers;
};

/** Records every event sent to it; points the Inngest SDK at itself. Close it after the file. */
export async function startEventRecorder() {
  const events: { name: string; data: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const parsed = JSON.parse(raw || "[]");
      for (const e of Array.isArray(parsed) ? parsed : [parsed]) events.push(e);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: events.map((_, i) => `evt-${i}`), status: 200 }));
    });
  });
  const port = await listen(server);
  Object.assign(process.env, {
    INNGEST_DEV: "1",
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_EVENT_KEY: "test-event-key",
  });
  return { events, close: () => new Promise((r) => server.close(r)) };
}

export async function call(
  handler: unknown,
  path: string,
  init: { auth?: string; method?: string; body?: unknown; params?: object; headers?: object } = {},
): Promise<Answer> {
  const headers = new Headers({ [PEER_HEADER]: "198.51.100.40", ...(init.headers ?? {}) });
  if (init.auth) headers.set("authorization", `Bearer ${init.auth}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const res = await (handler as Handler)(
    new Request(`http://orgbridge.test${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) as Promise<never> },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

export async function tokenWith(...scopes: string[]) {
  const { createToken } = await import("@/lib/tokens/commands/create-token");
  const created = await createToken(
    {
      name: `v1 ${scopes.join(",")} ${randomUUID().slice(0, 4)}`,
      scopes: scopes as never,
      expiresInDays: 30,
    },
    { actor: admin },
  );
  return created;
}

/** Every item of a list, following nextCursor page by page. */
export async function walk(handler: unknown, path: string, auth: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(
      handler,
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { auth },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(
      ...res.body.items.map((i: { id?: string; employeeNo?: string }) => i.id ?? i.employeeNo),
    );
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

export function expectEnvelope(res: Answer, status: number, code: string, field?: string) {
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  if (field !== undefined) expect(res.body.error.field).toBe(field);
  expect(res.body.error.requestId).toBe(res.headers.get("x-request-id"));
  expect(typeof res.body.error.message).toBe("string");
}
