// Shared setup of the SCIM integration suites: the real route handlers on the test database, an
// event intake standing in for the executor's (it records what would be queued), a SCIM connection.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { listen } from "@/lib/testing/wait-for";
import { setupTestDb } from "@/lib/testing/setup-test-db";

export const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const BASE = "http://scim.test/scim/v2";

export type SentEvent = { name: string; id?: string; data: Record<string, unknown> };
type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;

/** Sets the environment; everything is ready once the file's beforeAll ran. */
export function setupScimWorld() {
  process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
  process.env.INNGEST_DEV = "0";
  process.env.INNGEST_EVENT_KEY = "scim-test-event-key";
  setupTestDb();
  const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin" };
  const env = {
    admin,
    token: "",
    connectionId: "",
    events: [] as SentEvent[],
    /** When false the intake answers 500, as an unreachable queue would. */
    intakeUp: true,
    routes: {} as Record<
      "users" | "user" | "groups" | "group" | "spc" | "types" | "schemas",
      Handler
    >,
    /** Calls a route handler like Next.js would. */
    async call(
      route: "users" | "user" | "groups" | "group" | "spc" | "types" | "schemas",
      init: {
        method?: string;
        path?: string;
        id?: string;
        body?: unknown;
        raw?: BodyInit;
        headers?: Record<string, string>;
        token?: string | null;
      },
    ): Promise<{ status: number; headers: Headers; json: any }> {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const token = init.token === undefined ? env.token : init.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (init.body !== undefined || init.raw !== undefined)
        headers["content-type"] ??= "application/scim+json";
      const request = new Request(`${BASE}${init.path ?? ""}`, {
        method: init.method ?? "GET",
        headers,
        body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      const res = await env.routes[route](request, {
        params: Promise.resolve({ id: init.id ?? "" }),
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        json: text ? JSON.parse(text) : undefined,
      };
    },
  };
  let intake: Server;
  beforeAll(async () => {
    intake = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (!env.intakeUp) {
          res
            .writeHead(500, { "content-type": "application/json" })
            .end(JSON.stringify({ error: "down", status: 500 }));
          return;
        }
        const events = JSON.parse(body) as SentEvent[];
        env.events.push(...events);
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ ids: events.map((_, i) => `e${i}`), status: 200 }));
      });
    });
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${await listen(intake)}`;
    const users = await import("@/app/scim/v2/Users/route");
    const user = await import("@/app/scim/v2/Users/[id]/route");
    const groups = await import("@/app/scim/v2/Groups/route");
    const group = await import("@/app/scim/v2/Groups/[id]/route");
    const spc = await import("@/app/scim/v2/ServiceProviderConfig/route");
    const types = await import("@/app/scim/v2/ResourceTypes/route");
    const schemas = await import("@/app/scim/v2/Schemas/route");
    const pick = (m: Record<string, unknown>, method: string) => m[method] as Handler;
    const byMethod =
      (m: Record<string, unknown>): Handler =>
      (req, ctx) =>
        pick(m, req.method)(req, ctx);
    env.routes = {
      users: byMethod(users),
      user: byMethod(user),
      groups: byMethod(groups),
      group: byMethod(group),
      spc: byMethod(spc),
      types: byMethod(types),
      schemas: byMethod(schemas),
    };
    const { createScimConnection } = await import("@/lib/scim/commands/create-scim-connection");
    const created = await createScimConnection(
      { name: `SCIM test ${randomBytes(3).toString("hex")}` },
      { actor: admin },
    );
    env.token = created.token;
    env.connectionId = created.id;
  });
  afterAll(async () => {
    await new Promise<void>((r) => intake.close(() => r()));
  });
  return env;
}
