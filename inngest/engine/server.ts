import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { readLimitedNodeBody } from "@/lib/core/api/read-limited-body";
import { AppError } from "@/lib/core/errors";
import { NotFoundError, RegistrationError } from "./errors";
import type { Executor } from "./executor";
import { ulid } from "./ids";
import type { ExecEvent } from "./types";
import { isAuthorized } from "./signing";
import { findUnstorableText } from "./unstorable-text";

const MAX_BODY = 3 * 1024 * 1024; // Inngest's event payload limit is in the low MBs

const eventSchema = z.object({
  name: z.string().trim().min(1, "name is required"),
  data: z.record(z.string(), z.unknown()).nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().min(1).max(200).optional(),
  ts: z.number().int().positive().optional(),
  v: z.string().optional(),
});

/** Parses a POST /e body (one event or an array); throws a message fit for a 400. */
export function parseEvents(raw: unknown, now = Date.now()): ExecEvent[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.length) return [];
  return list.map((item, i) => {
    const r = eventSchema.safeParse(item);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new BadRequest(`event ${i}: ${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    const e = r.data;
    // Checked before anything is stored: the whole batch is refused, as for any other bad event.
    const unstorable = findUnstorableText(e, "");
    if (unstorable) throw new BadRequest(`event ${i}: ${unstorable}`);
    return {
      id: e.id ?? ulid(now),
      name: e.name,
      data: e.data ?? {},
      ...(e.user ? { user: e.user } : {}),
      ts: e.ts ?? now,
      ...(e.v ? { v: e.v } : {}),
    };
  });
}

class BadRequest extends Error {}

/** The body as text; over MAX_BODY a 413 (AppError from readLimitedNodeBody). */
async function readBody(req: IncomingMessage): Promise<string> {
  return (await readLimitedNodeBody(req, MAX_BODY)).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new BadRequest("body is not valid JSON");
  }
}

/** Options for {@link createExecutorServer}. */
export interface ServerOptions {
  executor: Executor;
  signingKey: string;
  eventKey?: string;
  log: (line: string) => void;
}

/** The HTTP face of the executor: the endpoints the Inngest SDK and the console call. */
export function createExecutorServer({
  executor,
  signingKey,
  eventKey,
  log,
}: ServerOptions): Server {
  const authed = (req: IncomingMessage) => isAuthorized(req.headers.authorization, signingKey);

  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://executor");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    (async () => {
      let m: RegExpExecArray | null;
      if (method === "POST" && (m = /^\/e\/([^/]+)$/.exec(path))) {
        if (eventKey && decodeURIComponent(m[1]) !== eventKey)
          return send(res, 401, { error: "Event key not found", status: 401 });
        const events = parseEvents(parseJson(await readBody(req)));
        const ids = await executor.sendEvents(events);
        return send(res, 200, { ids, status: 200 });
      }
      if (method === "POST" && path === "/fn/register") {
        if (!authed(req)) return send(res, 401, { error: "Unauthorized", status: 401 });
        const body = parseJson(await readBody(req));
        try {
          await executor.registerApp(body);
        } catch (err) {
          if (err instanceof RegistrationError || err instanceof z.ZodError)
            return send(res, 400, {
              error: `Invalid registration: ${(err as Error).message}`,
              status: 400,
            });
          throw err;
        }
        return send(res, 200, { ok: true, modified: true, status: 200 });
      }
      if (method === "POST" && (m = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path))) {
        if (!authed(req)) return send(res, 401, { error: "Unauthorized" });
        const result = await executor.checkpoint(
          decodeURIComponent(m[1]),
          parseJson(await readBody(req)),
        );
        if (result === "not-found") return send(res, 404, { error: "run not found" });
        if (result === "stale") return send(res, 409, { error: "stale dispatch" });
        if (typeof result === "object") return send(res, 400, { error: result.unstorable });
        return send(res, 200, {});
      }
      if (method === "POST" && (m = /^\/v0\/runs\/([^/]+)\/rerun$/.exec(path))) {
        if (!authed(req)) return send(res, 401, { error: "Unauthorized" });
        try {
          return send(res, 200, { id: await executor.rerun(decodeURIComponent(m[1])) });
        } catch (err) {
          if (err instanceof NotFoundError) return send(res, 404, { error: err.message });
          throw err;
        }
      }
      if (method === "POST" && path === "/v0/sync") {
        if (!authed(req)) return send(res, 401, { error: "Unauthorized" });
        await executor.syncAll();
        return send(res, 200, { ok: true });
      }
      if (method === "GET" && (path === "/health" || path === "/"))
        return send(res, 200, { ok: true, kind: "orgbridge-embedded-executor" });
      return send(res, 404, { error: `No route for ${method} ${path}` });
    })().catch((err: unknown) => {
      if (err instanceof BadRequest) return send(res, 400, { error: err.message, status: 400 });
      if (err instanceof AppError)
        return send(res, err.status, { error: err.message, status: err.status });
      log(`executor ${method} ${path} failed: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) send(res, 500, { error: "internal error", status: 500 });
    });
  });
}
