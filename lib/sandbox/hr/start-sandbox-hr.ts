import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxDb, type SandboxDb } from "../shared/create-sandbox-db";
import { readJsonBody, sendJson } from "../shared/read-json-body";
import type { HrWebhookTarget } from "./emit-hr-webhook";
import { listDepartmentsPage, listEmployeesPage, type ListHrRecordsQuery } from "./list-hr-records";
import { serializeEmployee, serializeUnit } from "./serialize-hr-records";
import { bulkHire, bulkTerminate } from "./simulator/bulk-simulations";
import { createDepartment } from "./simulator/create-department";
import { hireEmployee } from "./simulator/hire-employee";
import { moveDepartment } from "./simulator/move-department";
import { renameDepartment } from "./simulator/rename-department";
import { SimulationError, type SimulatorContext } from "./simulator/simulator-context";
import { terminateEmployee } from "./simulator/terminate-employee";
import { transferEmployee, withdrawTransfer } from "./simulator/transfer-employee";

export type StartSandboxHrOptions = {
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** PostgreSQL holding the SandboxHr* tables. */
  databaseUrl: string;
  /** Bearer token clients must send (default "sandbox-hr-token"). */
  apiToken?: string;
  /** Where simulator changes are pushed, signed with Standard Webhooks. */
  webhook?: HrWebhookTarget;
};

export type SandboxHrServer = {
  url: string;
  port: number;
  db: SandboxDb;
  /** Pass to the simulator functions so their changes are pushed to the configured webhook. */
  simulator: SimulatorContext;
  close(): Promise<void>;
};

const MAX_PAGE = 500;

function parseListQuery(params: URLSearchParams): ListHrRecordsQuery | string {
  const size = Number(params.get("size") ?? 100);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) return `size must be 1–${MAX_PAGE}`;
  const page = params.get("page");
  if (page !== null && (!Number.isInteger(Number(page)) || Number(page) < 1))
    return "page must be ≥ 1";
  const since = params.get("updatedSince");
  if (since && Number.isNaN(Date.parse(since))) return "updatedSince must be an ISO date-time";
  return {
    size,
    page: page === null ? undefined : Number(page),
    cursor: params.get("cursor") ?? undefined,
    updatedSince: since ? new Date(since) : undefined,
  };
}

type Simulate = (ctx: SimulatorContext, b: any) => Promise<unknown>;
const SIMULATIONS: Record<string, Simulate> = {
  hire: (ctx, b) => hireEmployee(ctx, b),
  transfer: (ctx, b) => transferEmployee(ctx, b.employeeNo, b),
  "withdraw-transfer": (ctx, b) => withdrawTransfer(ctx, b.employeeNo),
  terminate: (ctx, b) => terminateEmployee(ctx, b.employeeNo, b),
  "create-department": (ctx, b) => createDepartment(ctx, b),
  "rename-department": (ctx, b) => renameDepartment(ctx, b.code, b.name, b.nameEn),
  "move-department": (ctx, b) => moveDepartment(ctx, b.code, b.parentCode),
  "bulk-hire": (ctx, b) => bulkHire(ctx, b),
  "bulk-terminate": (ctx, b) => bulkTerminate(ctx, b.employeeNos, b.reason),
};

/**
 * The sandbox HR system's REST API (what the generic REST connector reads with the sandbox preset),
 * plus POST /api/_simulate/<action> so e2e tests can drive the simulator over HTTP.
 */
export async function startSandboxHr(options: StartSandboxHrOptions): Promise<SandboxHrServer> {
  const db = createSandboxDb(options.databaseUrl);
  const token = options.apiToken ?? "sandbox-hr-token";
  const simulator: SimulatorContext = { db, webhook: options.webhook };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
    if (req.headers.authorization !== `Bearer ${token}`)
      return sendJson(res, 401, { error: "unauthorized", message: "Bearer token required" });
    const [, api, resource, id] = url.pathname.split("/");
    if (api !== "api") return sendJson(res, 404, { error: "not_found" });

    if (req.method === "GET" && (resource === "departments" || resource === "employees")) {
      if (id) {
        const row =
          resource === "departments"
            ? await db.sandboxHrUnit
                .findUnique({ where: { code: decodeURIComponent(id) } })
                .then((r) => r && serializeUnit(r))
            : await db.sandboxHrEmployee
                .findUnique({ where: { employeeNo: decodeURIComponent(id) } })
                .then((r) => r && serializeEmployee(r));
        return row ? sendJson(res, 200, row) : sendJson(res, 404, { error: "not_found" });
      }
      const q = parseListQuery(url.searchParams);
      if (typeof q === "string") return sendJson(res, 400, { error: "invalid_query", message: q });
      try {
        return sendJson(
          res,
          200,
          resource === "departments"
            ? await listDepartmentsPage(db, q)
            : await listEmployeesPage(db, q),
        );
      } catch {
        return sendJson(res, 400, { error: "invalid_query", message: "bad cursor" });
      }
    }

    if (req.method === "POST" && resource === "_simulate" && id && SIMULATIONS[id]) {
      const body = await readJsonBody(req);
      if (!body || typeof body !== "object") return sendJson(res, 400, { error: "invalid_body" });
      try {
        const out = await SIMULATIONS[id](simulator, body);
        const list = Array.isArray(out) ? out : [out];
        return sendJson(res, 200, { events: list.map((r) => (r as { event: unknown }).event) });
      } catch (err) {
        if (err instanceof SimulationError)
          return sendJson(
            res,
            err.code === "not_found" ? 404 : err.code === "conflict" ? 409 : 422,
            { error: err.code, message: err.message },
          );
        throw err;
      }
    }
    return sendJson(res, 404, { error: "not_found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error("[sandbox-hr]", err);
      if (!res.headersSent) sendJson(res, 500, { error: "internal" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    db,
    simulator,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
    },
  };
}
