import type { z } from "zod";
import { callPlatform } from "../../core/call-platform";
import { ConnectorError, type ConnectorErrorKind } from "../../core/connector-error";
import { httpRequest, joinUrl } from "../../core/http-request";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { createTokenCache } from "../../core/token-cache";
import type { dingtalkConfigSchema, DingtalkSecrets } from "./dingtalk-schema";

const TOKEN_CODES = new Set([40014, 42001, 41001]);
// Codes beyond CONNECTORS.md are unverified readings of DingTalk's error list.
const KIND_BY_CODE: Record<number, ConnectorErrorKind> = {
  [-1]: "transient",
  90002: "throttled", // platform overloaded
  90018: "throttled", // unverified: per-app QPS exceeded
  143103: "throttled", // per-minute message quota
  143104: "throttled",
  40001: "auth",
  40089: "auth", // unverified: invalid appkey/appsecret
  60003: "not_found", // unverified: department not found
  60121: "not_found", // unverified: user not found
  60104: "conflict", // unverified: mobile exists
  60102: "conflict", // unverified: userid exists
};

type Envelope = {
  errcode?: number;
  errmsg?: string;
  sub_code?: string;
  result?: unknown;
  [k: string]: unknown;
};

/** DingTalk oapi: HTTP 200 on failure too; errcode decides (88 carries a sub_code). */
export function createDingtalkClient(
  config: z.infer<typeof dingtalkConfigSchema>,
  secrets: DingtalkSecrets,
  runtime: ConnectorRuntimeOptions = {},
) {
  const limiter =
    runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock });
  const base = { limiter, retry: runtime.retry, clock: runtime.clock };

  async function send<T extends Envelope>(
    method: "GET" | "POST",
    path: string,
    query: Record<string, string | undefined>,
    json?: unknown,
  ): Promise<T> {
    const res = await httpRequest("dingtalk", {
      method,
      url: joinUrl(config.baseUrl, path),
      query,
      json,
      fetch: runtime.fetch,
      timeoutMs: runtime.timeoutMs,
    });
    if (res.status >= 500 || res.status === 429) {
      throw new ConnectorError({
        kind: res.status === 429 ? "throttled" : "transient",
        platform: "dingtalk",
        code: String(res.status),
        message: `${path}: HTTP ${res.status}`,
        status: res.status,
      });
    }
    const body = (res.body ?? {}) as T;
    const code = Number(body.errcode ?? 0);
    if (code === 0) return body;
    const subCode = body.sub_code ? Number(body.sub_code) : undefined;
    const effective = code === 88 && subCode ? subCode : code;
    throw new ConnectorError({
      kind: KIND_BY_CODE[effective] ?? "invalid",
      platform: "dingtalk",
      code: code === 88 && body.sub_code ? `88/${body.sub_code}` : String(code),
      message: `${path}: ${body.errmsg ?? "error"} (errcode ${code})`,
      tokenInvalid: TOKEN_CODES.has(effective),
    });
  }

  const tokens = createTokenCache({
    clock: runtime.clock,
    fetch: () =>
      callPlatform(base, async () => {
        const out = await send<Envelope & { access_token: string; expires_in: number }>(
          "GET",
          "/gettoken",
          { appkey: config.appKey, appsecret: secrets.appSecret },
        );
        return { token: out.access_token, expiresInSeconds: out.expires_in || 7_200 };
      }),
  });

  return {
    /** POST a topapi call; returns `result` (or the whole body for calls that answer at the top level, like asyncsend_v2's task_id). */
    call: <T>(path: string, json: object) =>
      callPlatform({ ...base, tokens }, async (token) => {
        const body = await send("POST", path, { access_token: token }, json);
        return (body.result ?? body) as T;
      }),
    refreshToken: async () => {
      tokens.invalidate();
      return tokens.get();
    },
  };
}
