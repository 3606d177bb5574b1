import { randomUUID } from "node:crypto";
import { clientIp } from "@/lib/core/api/client-ip";
import { logApiRequest } from "@/lib/core/api/log-api-request";
import { readLimitedBody } from "@/lib/core/api/read-limited-body";
import {
  recordUnauthenticatedCall,
  unauthenticatedCallsThisMinute,
} from "@/lib/core/api/record-unauthenticated-call";
import { envSection } from "@/lib/core/env";
import { AppError } from "@/lib/core/errors";
import { OAuthError } from "../rules/oauth-error";
import { parseTokenRequest } from "../rules/parse-token-request";
import { issueAccessToken } from "./issue-access-token";

// A token request is a few hundred bytes; anything near this is not one.
const MAX_BODY_BYTES = 16 * 1024;

// RFC 6749 §5.1: token answers must not be cached anywhere.
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(err: OAuthError, requestId: string): Response {
  const headers: Record<string, string> = { ...NO_STORE, "x-request-id": requestId };
  // RFC 6749 §5.2: a 401 names the authentication scheme the client should use.
  if (err.status === 401)
    headers["www-authenticate"] = `Basic realm="orgbridge", error="${err.code}"`;
  if (err.status === 429) headers["retry-after"] = String(60 - new Date().getUTCSeconds());
  return Response.json(
    { error: err.code, error_description: err.description },
    { status: err.status, headers },
  );
}

/**
 * POST /api/oauth/token: the client credentials grant (RFC 6749 §4.4) end to end — form body
 * under a size limit, client authentication, RFC 6749 error answers, the API log (an issued
 * token's value never logged) and, for failed client authentication, the same per-address
 * limit as unauthenticated /api/v1 calls.
 */
export async function answerTokenRequest(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const started = performance.now();
  const ip = clientIp(request.headers);
  const authorization = request.headers.get("authorization");
  const limit = envSection("api").API_UNAUTHENTICATED_PER_MINUTE;
  let clientRowId: string | undefined;
  let response: Response;
  let logged: string;
  try {
    if ((await unauthenticatedCallsThisMinute(ip)) >= limit)
      throw new OAuthError(
        "invalid_request",
        "Too many failed token requests from this address; wait a minute.",
        429,
      );
    let body: Uint8Array;
    try {
      body = await readLimitedBody(request, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof AppError) throw new OAuthError("invalid_request", err.message, 413);
      throw err;
    }
    const parsed = parseTokenRequest({
      contentType: request.headers.get("content-type"),
      body: new TextDecoder("utf-8", { fatal: false }).decode(body),
      authorization,
    });
    const issued = await issueAccessToken(parsed, ip);
    clientRowId = issued.clientRowId;
    const answer = {
      access_token: issued.accessToken,
      token_type: "Bearer",
      expires_in: issued.expiresIn,
      scope: issued.scope.join(" "),
    };
    response = Response.json(answer, { headers: { ...NO_STORE, "x-request-id": requestId } });
    logged = JSON.stringify({ ...answer, access_token: "***" });
  } catch (err) {
    if (!(err instanceof OAuthError)) {
      console.error(`[oauth ${requestId}]`, err);
      err = new OAuthError("temporarily_unavailable", "Something went wrong on our side.", 500);
    }
    response = oauthError(err as OAuthError, requestId);
    logged = await response.clone().text();
  }
  const entry = {
    requestId,
    method: request.method,
    route: new URL(request.url).pathname,
    status: response.status,
    latencyMs: Math.round(performance.now() - started),
    ip,
    oauthClientId: clientRowId,
    responseBody: logged,
  };
  if (response.status === 401 || response.status === 429) await recordUnauthenticatedCall(entry);
  else await logApiRequest(entry);
  return response;
}
