import { maskBody, truncate } from "./mask-body";
import { sanitizeForLog } from "./rules/sanitize-for-log";

export type ApiLogEntry = {
  requestId: string;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  ip: string | null;
  tokenId?: string;
  oauthClientId?: string;
  requestBody?: string;
  responseBody: string;
};

const clean = (text: string, max: number) => truncate(sanitizeForLog(text), max);

/**
 * An API log row's columns as PostgreSQL will take them: secrets masked, text cut to size, NUL
 * and lone surrogates replaced — a hostile body can no longer make the insert fail and the call
 * go unlogged.
 */
export function apiLogColumns(entry: ApiLogEntry) {
  let errorCode: string | null = null;
  if (entry.status >= 400) {
    try {
      const code = (JSON.parse(entry.responseBody) as { error?: { code?: unknown } })?.error?.code;
      if (typeof code === "string") errorCode = clean(code, 64);
    } catch {
      errorCode = null;
    }
  }
  return {
    tokenId: entry.tokenId ?? null,
    oauthClientId: entry.oauthClientId ?? null,
    method: clean(entry.method, 16),
    route: clean(entry.route, 512),
    status: entry.status,
    latencyMs: entry.latencyMs,
    errorCode,
    requestBody: entry.requestBody ? clean(maskBody(entry.requestBody), 4096) : null,
    responseBody: clean(maskBody(entry.responseBody), 4096),
    ip: entry.ip === null ? null : clean(entry.ip, 64),
    requestId: entry.requestId,
  };
}
