import { callPlatform } from "../../core/call-platform";
import { ConnectorError } from "../../core/connector-error";
import { httpRequest, joinUrl, throwForStatus } from "../../core/http-request";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { runConnectionTest } from "../../core/test-connection";
import type { HrListOptions, HrPage, HrSource } from "../../types";
import { iteratePages } from "../iterate-pages";
import { verifyStandardWebhook } from "../webhook/verify-standard-webhook";
import { getPath } from "./get-path";
import { mapEmployee, mapOrgUnit } from "./map-hr-record";
import { readTransfer } from "./read-transfer";
import { webhookRecordProblem } from "./webhook-record-problem";
import {
  restHrConfigSchema,
  restHrSecretsSchema,
  type RestHrConfigInput,
  type RestHrSecrets,
} from "./rest-hr-schema";

export type CreateRestHrSourceOptions = {
  /** Provider key reported in errors (sandbox-hr reuses this connector). */
  provider?: string;
};

/** Generic paged REST HR source: endpoints, pagination and field mapping all come from configuration. */
export function createRestHrSource(
  configInput: RestHrConfigInput,
  secretsInput: RestHrSecrets,
  runtime: ConnectorRuntimeOptions & CreateRestHrSourceOptions = {},
): HrSource {
  const config = restHrConfigSchema.parse(configInput);
  const secrets = restHrSecretsSchema.parse(secretsInput);
  const platform = runtime.provider ?? "rest";
  const limiter =
    runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock });
  const ctx = { limiter, retry: runtime.retry, clock: runtime.clock };

  const authHeaders = (): Record<string, string> => {
    switch (config.auth) {
      case "bearer":
        return secrets.token ? { authorization: `Bearer ${secrets.token}` } : {};
      case "basic":
        return {
          authorization: `Basic ${Buffer.from(`${secrets.username ?? ""}:${secrets.password ?? ""}`).toString("base64")}`,
        };
      case "header":
        return secrets.token ? { [config.authHeader]: secrets.token } : {};
      default:
        return {};
    }
  };

  async function fetchPage(
    list: { path: string; itemsPath: string },
    options: HrListOptions,
  ): Promise<{ items: unknown[]; nextCursor?: string }> {
    const size = options.pageSize ?? runtime.pageSize ?? config.pageSize;
    const p = config.pagination;
    const query: Record<string, string | number | undefined> = {};
    if (options.updatedSince && config.updatedSinceParam)
      query[config.updatedSinceParam] = options.updatedSince;
    let pageNo = 0;
    if (p.type === "page") {
      pageNo = options.cursor ? Number(options.cursor) : p.firstPage;
      Object.assign(query, { [p.pageParam]: pageNo, [p.sizeParam]: size });
    } else if (p.type === "offset") {
      pageNo = options.cursor ? Number(options.cursor) : 0;
      Object.assign(query, { [p.offsetParam]: pageNo, [p.limitParam]: size });
    } else {
      Object.assign(query, { [p.cursorParam]: options.cursor, [p.sizeParam]: size });
    }
    const body = await callPlatform(ctx, async () => {
      const res = await httpRequest(platform, {
        method: "GET",
        url: joinUrl(config.baseUrl, list.path),
        query,
        headers: authHeaders(),
        fetch: runtime.fetch,
        timeoutMs: runtime.timeoutMs,
      });
      throwForStatus(platform, res, `GET ${list.path}`);
      if (config.errorCodePath) {
        const code = getPath(res.body, config.errorCodePath);
        if (code !== undefined && code !== 0 && code !== "0")
          throw new ConnectorError({
            kind: "invalid",
            platform,
            code: String(code),
            message: `GET ${list.path}: error code ${code}`,
          });
      }
      return res.body;
    });
    const items = getPath(body, list.itemsPath);
    if (!Array.isArray(items))
      throw new ConnectorError({
        kind: "invalid",
        platform,
        code: "bad_response",
        message: `GET ${list.path}: no array at "${list.itemsPath || "(body)"}"`,
      });
    let nextCursor: string | undefined;
    if (p.type === "cursor") {
      const next = getPath(body, p.nextCursorPath);
      nextCursor = next === undefined || next === null || next === "" ? undefined : String(next);
    } else if (p.type === "page") {
      const more = p.hasMorePath ? getPath(body, p.hasMorePath) : items.length >= size;
      nextCursor = more && items.length > 0 ? String(pageNo + 1) : undefined;
    } else {
      nextCursor = items.length >= size ? String(pageNo + items.length) : undefined;
    }
    return { items, nextCursor };
  }

  const listOrgUnitsPage = async (options: HrListOptions = {}) => {
    const page = await fetchPage(config.departments, options);
    return {
      items: page.items.map((r) => mapOrgUnit(r, config.departments.fields)),
      nextCursor: page.nextCursor,
    };
  };
  const listEmployeesPage = async (
    options: HrListOptions = {},
  ): Promise<HrPage<ReturnType<typeof mapEmployee>>> => {
    const page = await fetchPage(config.employees, options);
    const noPath = config.employees.fields.employeeNo;
    page.items.forEach((r, i) => {
      const read = readTransfer(r, config.employees.fields.transfer);
      // A wrong date would move a person on the wrong day: the page is refused, naming the record.
      if (!read.ok)
        throw new ConnectorError({
          kind: "invalid",
          platform,
          code: "bad_record",
          field: read.field,
          message: `GET ${config.employees.path}: item ${i} (${String((noPath && getPath(r, noPath)) ?? "?")}): ${read.message}`,
        });
    });
    return {
      items: page.items.map((r) => mapEmployee(r, config.employees)),
      nextCursor: page.nextCursor,
    };
  };

  return {
    provider: platform,
    listOrgUnitsPage,
    listEmployeesPage,
    listOrgUnits: (options) => iteratePages(listOrgUnitsPage, options),
    listEmployees: (options) => iteratePages(listEmployeesPage, options),
    verifyWebhook(headers, body) {
      const envelope = verifyStandardWebhook(headers, body, {
        platform,
        secret: secrets.webhookSecret,
      });
      const problem = webhookRecordProblem(envelope.type, envelope.data, config);
      if (problem)
        throw new ConnectorError({
          kind: "invalid",
          platform,
          code: "bad_record",
          message: problem.message,
          field: problem.field,
        });
      return envelope.type === "employee.changed"
        ? {
            id: envelope.id,
            type: envelope.type,
            occurredAt: envelope.occurredAt,
            data: mapEmployee(envelope.data, config.employees),
          }
        : {
            id: envelope.id,
            type: envelope.type,
            occurredAt: envelope.occurredAt,
            data: mapOrgUnit(envelope.data, config.departments.fields),
          };
    },
    testConnection: () =>
      runConnectionTest(async () => {
        const page = await fetchPage(config.departments, { pageSize: 1 });
        return `Reached ${new URL(config.baseUrl).host}; departments endpoint answered (${page.items.length} on the first page)`;
      }),
  };
}
