import { callPlatform } from "../../core/call-platform";
import { ConnectorError, type ConnectorErrorKind } from "../../core/connector-error";
import {
  httpRequest,
  joinUrl,
  kindForStatus,
  parseRetryAfter,
  type HttpRequestOptions,
} from "../../core/http-request";
import { createRateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { createTokenCache } from "../../core/token-cache";
import type { feishuConfigSchema, FeishuSecrets } from "./feishu-schema";
import type { z } from "zod";

// Token codes: 99991661 missing, 99991663 invalid, 99991668 invalid/expired, 99991677 expired (the last two unverified).
const TOKEN_CODES = new Set([99991661, 99991663, 99991668, 99991677]);
const KIND_BY_CODE: Record<number, ConnectorErrorKind> = {
  99991400: "throttled",
  99991401: "auth", // IP not allowed
  99991672: "auth", // app lacks the scope (unverified)
  40001: "invalid",
};

export type FeishuCall = Pick<HttpRequestOptions, "method" | "query" | "json"> & { path: string };

/** Feishu answers `{code, msg, data}`; code 0 = success, whatever the HTTP status. Throttling: HTTP 429 + code 99991400 + x-ogw-ratelimit-reset. */
export function createFeishuClient(
  config: z.infer<typeof feishuConfigSchema>,
  secrets: FeishuSecrets,
  runtime: ConnectorRuntimeOptions = {},
) {
  const limiter =
    runtime.limiter ?? createRateLimiter({ limits: config.rateLimit, clock: runtime.clock });
  const base = { limiter, retry: runtime.retry, clock: runtime.clock };

  async function send<T>(call: FeishuCall, token?: string): Promise<T> {
    const res = await httpRequest("feishu", {
      ...call,
      url: joinUrl(config.baseUrl, call.path),
      headers: token ? { authorization: `Bearer ${token}` } : undefined,
      fetch: runtime.fetch,
      timeoutMs: runtime.timeoutMs,
    });
    const body = res.body as
      ({ code?: number; msg?: string; data?: T } & Record<string, unknown>) | undefined;
    const code = body?.code;
    if (res.status >= 200 && res.status < 300 && code === 0) return (body?.data ?? body) as T;
    const kind =
      code !== undefined && KIND_BY_CODE[code]
        ? KIND_BY_CODE[code]
        : code !== undefined && TOKEN_CODES.has(code)
          ? "auth"
          : (kindForStatus(res.status) ?? "invalid");
    throw new ConnectorError({
      kind: res.status === 429 ? "throttled" : kind,
      platform: "feishu",
      code: String(code ?? res.status),
      message: `${call.method} ${call.path}: ${body?.msg ?? `HTTP ${res.status}`}`,
      status: res.status,
      retryAfterMs: parseRetryAfter(res.headers),
      tokenInvalid: code !== undefined && TOKEN_CODES.has(code),
    });
  }

  const tokens = createTokenCache({
    clock: runtime.clock,
    fetch: () =>
      callPlatform(base, async () => {
        const out = await send<{ tenant_access_token: string; expire: number }>({
          method: "POST",
          path: "/auth/v3/tenant_access_token/internal",
          json: { app_id: config.appId, app_secret: secrets.appSecret },
        });
        return { token: out.tenant_access_token, expiresInSeconds: out.expire };
      }),
  });

  return {
    call: <T>(call: FeishuCall) =>
      callPlatform({ ...base, tokens }, (token) => send<T>(call, token)),
    refreshToken: async () => {
      tokens.invalidate();
      return tokens.get();
    },
  };
}
