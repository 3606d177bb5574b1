import { Agent, request } from "undici";
import { ConnectorError, type ConnectorErrorKind } from "./connector-error";

/**
 * One keep-alive pool for every connector call that does not bring its own fetch. undici's `request`
 * rather than the global fetch: a full sync is ~100k calls, and fetch's WHATWG layers (Request/Response
 * objects, streams, abort signals) cost several times the CPU of the exchange itself.
 */
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

export type HttpRequestOptions = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Absolute URL (base URL + path). */
  url: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  json?: unknown;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Abort after this long; default 30 s. */
  timeoutMs?: number;
  /** fetch implementation (tests, proxies). */
  fetch?: typeof fetch;
};

export type HttpResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: unknown;
  text: string;
};

/** Joins a configurable base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** One HTTP exchange. Network failures and timeouts become transient ConnectorErrors; statuses are left to the caller. */
export async function httpRequest(
  platform: string,
  options: HttpRequestOptions,
): Promise<HttpResponse> {
  const url = new URL(options.url);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["content-type"] ??= "application/json; charset=utf-8";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  if (!options.fetch) return undiciRequest(platform, options, url, headers, body);
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: options.method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (err) {
    const timedOut = (err as Error).name === "TimeoutError";
    throw new ConnectorError({
      kind: "transient",
      platform,
      code: timedOut ? "timeout" : "network",
      message: `${options.method} ${url.pathname}: ${timedOut ? "timed out" : (err as Error).message}`,
    });
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseJson(text), text };
}

async function undiciRequest(
  platform: string,
  options: HttpRequestOptions,
  url: URL,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<HttpResponse> {
  const timeout = options.timeoutMs ?? 30_000;
  try {
    const res = await request(url, {
      method: options.method,
      headers,
      body,
      dispatcher: agent,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const text = await res.body.text();
    const out = new Headers();
    for (const [key, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) out.append(key, v);
      else if (value !== undefined) out.set(key, value);
    }
    return { status: res.statusCode, headers: out, body: parseJson(text), text };
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? "");
    const timedOut = code.includes("TIMEOUT");
    throw new ConnectorError({
      kind: "transient",
      platform,
      code: timedOut ? "timeout" : "network",
      message: `${options.method} ${url.pathname}: ${timedOut ? "timed out" : (err as Error).message}`,
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds from `Retry-After` (seconds or HTTP date) or Feishu's `x-ogw-ratelimit-reset` (seconds). */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const raw = headers.get("retry-after") ?? headers.get("x-ogw-ratelimit-reset");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Generic HTTP-status → kind mapping for REST platforms (Feishu, Slack SCIM, Agora, HR sources). */
export function kindForStatus(status: number): ConnectorErrorKind | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || status === 410) return "not_found";
  if (status === 409 || status === 412) return "conflict";
  if (status === 429) return "throttled";
  if (status === 408 || status >= 500) return "transient";
  return "invalid";
}

/** Throws a ConnectorError for a non-2xx response, using the status and the platform's message. */
export function throwForStatus(
  platform: string,
  res: HttpResponse,
  what: string,
  detail?: { code?: string; message?: string },
): void {
  const kind = kindForStatus(res.status);
  if (!kind) return;
  throw new ConnectorError({
    kind,
    platform,
    code: detail?.code ?? String(res.status),
    message: `${what}: ${detail?.message ?? `HTTP ${res.status}`}`,
    status: res.status,
    retryAfterMs: parseRetryAfter(res.headers),
    tokenInvalid: res.status === 401,
  });
}
