import { callPlatform } from "../../core/call-platform";
import { ConnectorError } from "../../core/connector-error";
import { httpRequest, joinUrl } from "../../core/http-request";
import { createRateLimiter, unlimited, type RateLimiter } from "../../core/rate-limiter";
import type { ConnectorRuntimeOptions } from "../../core/runtime-options";
import { createTokenCache, type TokenCache } from "../../core/token-cache";
import { wecomError } from "./wecom-errors";
import { WECOM_PER_IP_RATE_LIMIT, type WecomConfig, type WecomSecrets } from "./wecom-schema";

export type WecomEnvelope = { errcode?: number; errmsg?: string; [key: string]: unknown };

export type WecomCall = {
  method: "GET" | "POST";
  /** Path under the base URL, e.g. "/user/create". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Which secret's token: contact sync (default) or the messaging app. */
  secret?: "contact" | "agent";
};

export type WecomClient = {
  call<T extends WecomEnvelope = WecomEnvelope>(call: WecomCall): Promise<T>;
  /** Forces a token fetch (connection test). */
  fetchToken(secret?: "contact" | "agent"): Promise<string>;
  /** The budget every call shares (WeCom's per-IP limit); each API also has its own. */
  limiter: RateLimiter;
};

/** Low-level WeCom client: token per secret, rate limit, retry; errcode decides success. */
export function createWecomClient(
  config: WecomConfig,
  secrets: WecomSecrets,
  runtime: ConnectorRuntimeOptions = {},
): WecomClient {
  // WeCom counts its limits per API per company (10,000/min, 150,000/h each), and 20,000/min per IP over
  // all of them: the configured budget applies to each API path, the per-IP one to every call. One shared
  // budget throttled a sync making a user/get and a user/create per hire to half what WeCom allows. Its
  // finest window is a minute, so grants are not paced within it (pacing 10,000/min meant one call per
  // 6 ms, and an incremental run's hundred reads and hundred creates took 1.2 s however idle the machine).
  const limiter =
    runtime.limiter ??
    (config.rateLimit === false
      ? unlimited
      : createRateLimiter({
          limits: WECOM_PER_IP_RATE_LIMIT,
          clock: runtime.clock,
          smooth: false,
        }));
  const byApi = new Map<string, RateLimiter>();
  const limiterFor = (path: string): RateLimiter => {
    if (runtime.limiter || config.rateLimit === false) return limiter;
    let api = byApi.get(path);
    if (!api) {
      const own = createRateLimiter({
        limits: config.rateLimit,
        clock: runtime.clock,
        smooth: false,
      });
      api = bothLimits(own, limiter);
      byApi.set(path, api);
    }
    return api;
  };
  const http = (path: string, init: Omit<Parameters<typeof httpRequest>[1], "url">) =>
    httpRequest("wecom", {
      ...init,
      url: joinUrl(config.baseUrl, path),
      fetch: runtime.fetch,
      timeoutMs: runtime.timeoutMs,
    });

  // WeCom answers HTTP 200 on failure; errcode decides. A missing errcode on a 200 counts as success.
  function unwrap<T extends WecomEnvelope>(res: Awaited<ReturnType<typeof http>>, what: string): T {
    if (res.status >= 500 || res.status === 429) {
      throw new ConnectorError({
        kind: res.status === 429 ? "throttled" : "transient",
        platform: "wecom",
        code: String(res.status),
        message: `${what}: HTTP ${res.status}`,
        status: res.status,
      });
    }
    const body = res.body as T | undefined;
    if (res.status !== 200 || !body || typeof body !== "object") {
      throw new ConnectorError({
        kind: "invalid",
        platform: "wecom",
        code: String(res.status),
        message: `${what}: unexpected HTTP ${res.status} response`,
        status: res.status,
      });
    }
    if (body.errcode && body.errcode !== 0) throw wecomError(body.errcode, body.errmsg, what);
    return body;
  }

  const bareCtx = { limiter, retry: runtime.retry, clock: runtime.clock };
  const makeTokens = (corpsecret: string): TokenCache =>
    createTokenCache({
      clock: runtime.clock,
      fetch: () =>
        callPlatform(bareCtx, async () => {
          const res = await http("/gettoken", {
            method: "GET",
            query: { corpid: config.corpId, corpsecret },
          });
          const body = unwrap<WecomEnvelope & { access_token: string; expires_in: number }>(
            res,
            "gettoken",
          );
          return { token: body.access_token, expiresInSeconds: body.expires_in || 7_200 };
        }),
    });
  const contactTokens = makeTokens(secrets.contactSecret);
  const agentTokens =
    secrets.agentSecret && secrets.agentSecret !== secrets.contactSecret
      ? makeTokens(secrets.agentSecret)
      : contactTokens;
  const tokensFor = (secret: "contact" | "agent" = "contact") =>
    secret === "agent" ? agentTokens : contactTokens;

  return {
    limiter,
    call<T extends WecomEnvelope>(call: WecomCall) {
      const ctx = { ...bareCtx, limiter: limiterFor(call.path), tokens: tokensFor(call.secret) };
      return callPlatform(ctx, async (token) => {
        const res = await http(call.path, {
          method: call.method,
          query: { ...call.query, access_token: token },
          json: call.method === "POST" ? (call.body ?? {}) : undefined,
        });
        return unwrap<T>(res, call.path.replace(/^\//, ""));
      });
    },
    async fetchToken(secret) {
      const tokens = tokensFor(secret);
      tokens.invalidate();
      return tokens.get();
    },
  };
}

/** A grant of both: the API's own budget, then the one all calls share; a throttle pauses both. */
function bothLimits(api: RateLimiter, shared: RateLimiter): RateLimiter {
  return {
    acquire: async () => {
      await api.acquire();
      await shared.acquire();
    },
    pauseUntil: (untilMs) => {
      api.pauseUntil(untilMs);
      shared.pauseUntil(untilMs);
    },
  };
}
