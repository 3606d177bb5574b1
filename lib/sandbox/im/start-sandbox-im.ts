import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxDb, type SandboxDb } from "../shared/create-sandbox-db";
import { readJsonBody, sendJson } from "../shared/read-json-body";
import { createMutex, createSlidingWindow } from "../shared/sliding-window";
import type { WecomHandler, WecomHandlerContext } from "./handlers/handler-context";
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  simpleListDepartments,
  updateDepartment,
} from "./handlers/department-handlers";
import { listGroupChats, transferGroupChats } from "./handlers/group-chat-handlers";
import { sendMessage } from "./handlers/message-handlers";
import {
  batchDeleteUsers,
  createUser,
  deleteUser,
  getUser,
  listUserIds,
  updateUser,
} from "./handlers/user-handlers";
import { ensureRootDepartment } from "./reset-sandbox-im";
import { createTokenStore } from "./token-store";
import { WC, WecomFailure } from "./wecom-codes";

export type StartSandboxImOptions = {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** PostgreSQL holding the SandboxIm* tables. */
  databaseUrl: string;
  /** The corpid a client must present to /gettoken. */
  corpId: string;
  /** The corpsecret a client must present to /gettoken. */
  corpSecret: string;
  /** The app id message/send accepts. */
  agentId: number;
  /** Calls per API per window before 45009; `false` = unlimited (WeCom: 10,000/min per API). */
  rateLimit?: { perMinute: number; windowSeconds?: number } | false;
  /** Lifetime of issued tokens (WeCom: 7200). */
  tokenTtlSeconds?: number;
  /** Keep the per-request log for benches (arrival time, path, errcode). */
  recordRequests?: boolean;
};

export type SandboxImRequest = { at: number; path: string; errcode: number };

export type SandboxImServer = {
  /** http://host:port */
  url: string;
  /** The WeCom-compatible base URL to give the connector (…/cgi-bin). */
  baseUrl: string;
  port: number;
  db: SandboxDb;
  /** Fault injection for contract tests (same knobs as the recorded-shape fake). */
  faults: {
    failNext(n: number, errcode?: number): void;
    expireTokens(): Promise<void>;
    tokenFetches(): number;
  };
  requests(): SandboxImRequest[];
  close(): Promise<void>;
};

const ROUTES: Record<string, { method: "GET" | "POST"; handler: WecomHandler }> = {
  "/department/create": { method: "POST", handler: createDepartment },
  "/department/update": { method: "POST", handler: updateDepartment },
  "/department/delete": { method: "GET", handler: deleteDepartment },
  "/department/simplelist": { method: "GET", handler: simpleListDepartments },
  "/department/list": { method: "GET", handler: listDepartments },
  "/department/get": { method: "GET", handler: getDepartment },
  "/user/create": { method: "POST", handler: createUser },
  "/user/update": { method: "POST", handler: updateUser },
  "/user/get": { method: "GET", handler: getUser },
  "/user/delete": { method: "GET", handler: deleteUser },
  "/user/batchdelete": { method: "POST", handler: batchDeleteUsers },
  "/user/list_id": { method: "POST", handler: listUserIds },
  "/message/send": { method: "POST", handler: sendMessage },
  "/externalcontact/groupchat/list": { method: "POST", handler: listGroupChats },
  "/externalcontact/groupchat/onjob_transfer": { method: "POST", handler: transferGroupChats },
};

/**
 * A WeCom look-alike for the documented contact + message subset, state in PostgreSQL.
 * Like WeCom it answers HTTP 200 with `errcode` for every API outcome (404 only for unknown paths).
 */
export async function startSandboxIm(options: StartSandboxImOptions): Promise<SandboxImServer> {
  const db = createSandboxDb(options.databaseUrl);
  await ensureRootDepartment(db);
  const tokens = createTokenStore({
    db,
    corpId: options.corpId,
    ttlSeconds: options.tokenTtlSeconds ?? 7_200,
  });
  const limit = options.rateLimit
    ? createSlidingWindow(
        options.rateLimit.perMinute,
        (options.rateLimit.windowSeconds ?? 60) * 1_000,
      )
    : undefined;
  const perMinuteQuota = createSlidingWindow(30, 60_000);
  const perHourQuota = createSlidingWindow(1_000, 3_600_000);
  const exclusive = createMutex();
  const log: SandboxImRequest[] = [];
  let tokenFetches = 0;
  let faults = { left: 0, errcode: WC.FREQUENCY as number };

  async function answer(
    req: IncomingMessage,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const path = url.pathname.replace(/^\/cgi-bin/, "");
    // Out-of-band for benches in another process: not a WeCom API, so not counted or limited.
    if (path === "/_sandbox/requests" && options.recordRequests) {
      const body = { requests: [...log] };
      if (url.searchParams.get("reset") === "1") log.length = 0;
      return { status: 200, body };
    }
    if (limit && !limit.tryTake(path))
      return { status: 200, body: { errcode: WC.FREQUENCY, errmsg: "api freq out of limit" } };
    if (path === "/gettoken") {
      tokenFetches++;
      if (url.searchParams.get("corpid") !== options.corpId)
        return { status: 200, body: { errcode: WC.INVALID_CORPID, errmsg: "invalid corpid" } };
      if (url.searchParams.get("corpsecret") !== options.corpSecret)
        return { status: 200, body: { errcode: WC.INVALID_SECRET, errmsg: "invalid credential" } };
      return { status: 200, body: { errcode: 0, errmsg: "ok", ...(await tokens.issue()) } };
    }
    const route = ROUTES[path];
    if (!route) return { status: 404, body: { errcode: 404, errmsg: "not found" } };
    const tokenError = await tokens.check(url.searchParams.get("access_token"));
    if (tokenError)
      return {
        status: 200,
        body: {
          errcode: tokenError,
          errmsg: tokenError === WC.TOKEN_EXPIRED ? "access_token expired" : "invalid access_token",
        },
      };
    if (faults.left > 0) {
      faults.left--;
      return { status: 200, body: { errcode: faults.errcode, errmsg: "injected fault" } };
    }
    let body: unknown = {};
    if (route.method === "POST") {
      body = await readJsonBody(req);
      if (body === null || (body !== undefined && typeof body !== "object"))
        return { status: 200, body: { errcode: WC.BAD_JSON, errmsg: "data format error" } };
    }
    const ctx: WecomHandlerContext = {
      db,
      query: url.searchParams,
      body: body ?? {},
      agentId: options.agentId,
      exclusive,
      admitMessage: (userid) => perMinuteQuota.tryTake(userid) && perHourQuota.tryTake(userid),
    };
    try {
      const result = await route.handler(ctx);
      return { status: 200, body: { errcode: 0, errmsg: "ok", ...result } };
    } catch (err) {
      if (err instanceof WecomFailure)
        return { status: 200, body: { errcode: err.errcode, errmsg: err.message, ...err.extra } };
      console.error("[sandbox-im]", path, err);
      return { status: 200, body: { errcode: WC.BUSY, errmsg: "system busy" } };
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    answer(req)
      .then(({ status, body }) => {
        if (options.recordRequests && !req.url?.startsWith("/_sandbox"))
          log.push({ at, path: (req.url ?? "").split("?")[0], errcode: Number(body.errcode ?? 0) });
        sendJson(res, status, body);
      })
      .catch(() => sendJson(res, 200, { errcode: WC.BUSY, errmsg: "system busy" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    url,
    baseUrl: `${url}/cgi-bin`,
    port,
    db,
    faults: {
      failNext(n, errcode = WC.FREQUENCY) {
        faults = { left: n, errcode };
      },
      expireTokens: () => tokens.expireAll(),
      tokenFetches: () => tokenFetches,
    },
    requests: () => log,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
    },
  };
}
