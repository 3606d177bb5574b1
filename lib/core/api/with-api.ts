import { createHash, randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/core/auth/current-user";
import { canEdit, canView, type Area } from "@/lib/core/auth/permissions";
import type { Actor } from "@/lib/core/audit/record-audit";
import { envSection } from "@/lib/core/env";
import { AppError, forbiddenError, unauthorized } from "@/lib/core/errors";
import type { TokenScope } from "@/lib/tokens/rules/scopes";
import type { VerifiedToken } from "@/lib/tokens/commands/verify-token";
import { verifyCredential } from "@/lib/tokens/commands/verify-credential";
import { apiBodyLimit } from "./api-body-limit";
import { clientIp } from "./client-ip";
import { consumeRateLimit, type RateLimitState } from "./consume-rate-limit";
import { rateLimitHeaders } from "./rules/rate-limit-headers";
import { logApiRequest } from "./log-api-request";
import { parseJsonBody } from "./parse-json-body";
import { readLimitedBody } from "./read-limited-body";
import {
  recordUnauthenticatedCall,
  unauthenticatedCallsThisMinute,
} from "./record-unauthenticated-call";
import { refuseHostileText } from "./refuse-hostile-text";

type Ctx<P> = {
  request: Request;
  params: P;
  actor: Actor;
  requestId: string;
  ip: string | null;
  /** The JSON body, read once under the size limit and strictly validated (undefined for GET/HEAD). */
  body: unknown;
};
type Guard =
  | { kind: "session"; area: Area; mode?: "view" | "edit" }
  // emptyBody: the route takes no body, so a POST or DELETE without one is fine.
  | { kind: "token"; scope: TokenScope; emptyBody?: boolean };

type Handler<P> = (ctx: Ctx<P> & { user?: CurrentUser; token?: VerifiedToken }) => Promise<unknown>;

/** Fields an AppError may carry beyond its own: per-field issues, headers for the answer. */
type ErrorExtras = { issues?: unknown[]; headers?: HeadersInit };

/** The one error envelope of /api/v1: `{error: {code, message, field?, requestId, issues?}}`. */
function errorResponse(err: unknown, requestId: string): Response {
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    const field = issues[0]?.field || undefined;
    return Response.json(
      {
        error: {
          code: "invalid",
          message: `Invalid ${field || "input"}: ${issues[0]?.message}`,
          field,
          requestId,
          issues,
        },
      },
      { status: 422 },
    );
  }
  if (err instanceof AppError) {
    const extras = err as AppError & ErrorExtras;
    return Response.json(
      {
        error: {
          code: err.code,
          message: err.message,
          field: err.field,
          requestId,
          ...(extras.issues ? { issues: extras.issues } : {}),
        },
      },
      { status: err.status, headers: extras.headers },
    );
  }
  if (err instanceof SyntaxError) {
    return Response.json(
      { error: { code: "bad_json", message: "The request body is not valid JSON.", requestId } },
      { status: 400 },
    );
  }
  console.error(`[api ${requestId}]`, err);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side.", requestId } },
    { status: 500 },
  );
}

const rateLimited = (state: RateLimitState) =>
  Object.assign(
    new AppError(
      429,
      "rate_limited",
      `This credential may make ${state.limit} requests a minute; wait ${state.resetSeconds} s.`,
    ),
    { headers: rateLimitHeaders(state) },
  );

function credentialLimit(token: VerifiedToken): number {
  return token.rateLimitPerMinute ?? envSection("api").API_RATE_LIMIT_PER_MINUTE;
}

// A weak validator of the JSON text: equal bodies, equal tags, whichever instance answers.
function etagOf(text: string): string {
  return `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/** GET 200 answers carry an ETag; a matching If-None-Match gets 304 without a body. */
async function withEtag(request: Request, response: Response): Promise<Response> {
  if (request.method !== "GET" || response.status !== 200) return response;
  const etag = etagOf(await response.clone().text());
  if (matchesEtag(request.headers.get("if-none-match"), etag)) {
    const headers = new Headers(response.headers);
    headers.delete("content-type");
    headers.delete("content-length");
    headers.set("etag", etag);
    return new Response(null, { status: 304, headers });
  }
  response.headers.set("etag", etag);
  return response;
}

const tooManyUnauthenticated = () =>
  new AppError(
    429,
    "rate_limited",
    "Too many unauthenticated calls from this address; wait a minute and send a valid API token.",
  );

function unauthenticatedLimit(): number {
  return envSection("api").API_UNAUTHENTICATED_PER_MINUTE;
}

/** The route's params and query string, refused with 400 when any holds NUL, controls or lone surrogates. */
function checkUrlText(request: Request, params: unknown) {
  refuseHostileText(Object.entries((params ?? {}) as Record<string, unknown>));
  refuseHostileText(new URL(request.url).searchParams.entries());
}

/** The body under the size limit, and the JSON in it (strictly parsed) for methods that carry one. */
async function readBody(
  request: Request,
  emptyBody = false,
): Promise<{ text?: string; value: unknown }> {
  if (request.method === "GET" || request.method === "HEAD") return { value: undefined };
  const bytes = await readLimitedBody(request, apiBodyLimit());
  if (emptyBody && bytes.length === 0) return { value: undefined };
  // The log keeps a lossy copy even when the strict parse below refuses the bytes.
  const text = new TextDecoder().decode(bytes);
  try {
    return { text, value: parseJsonBody(bytes, request.headers.get("content-type")) };
  } catch (err) {
    throw Object.assign(err as Error, { bodyText: text });
  }
}

/**
 * The one wrapper for route handlers: resolves the session or API token, checks the role or
 * scope, reads the body once (size limit while reading, strict JSON: see parseJsonBody) and
 * refuses hostile text in the URL, turns thrown errors into JSON responses (zod → 422 naming the
 * field, AppError → its status, anything else → logged 500 with a request id) and, for token
 * calls, writes the API request log — unauthenticated calls counted per address and minute and
 * rate-limited (429) instead of one row each; a valid token is never limited by its address.
 */
export function withApi<P = Record<string, string>>(guard: Guard, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    const ip = clientIp(request.headers);
    let token: VerifiedToken | undefined;
    let requestBody: string | undefined;
    let unauthenticated = false;
    let limitState: RateLimitState | undefined;
    let response: Response;
    try {
      const params = await context.params;
      if (guard.kind === "token") {
        try {
          token = await verifyCredential(request.headers.get("authorization"), guard.scope, ip);
        } catch (err) {
          unauthenticated = err instanceof AppError && err.status === 401;
          // Only callers without a valid token are limited: a busy address (a NAT, a proxy)
          // full of failing clients never locks out the integrations that authenticate.
          if (
            unauthenticated &&
            (await unauthenticatedCallsThisMinute(ip)) >= unauthenticatedLimit()
          )
            throw tooManyUnauthenticated();
          throw err;
        }
        limitState = await consumeRateLimit(`${token.kind}:${token.id}`, credentialLimit(token));
        if (!limitState.allowed) throw rateLimited(limitState);
        checkUrlText(request, params);
        const body = await readBody(request, guard.emptyBody).catch(
          (err: Error & { bodyText?: string }) => {
            requestBody = err.bodyText;
            throw err;
          },
        );
        requestBody = body.text;
        const result = await handler({
          request,
          params,
          requestId,
          ip,
          token,
          body: body.value,
          actor: { type: token.kind, id: token.id, name: token.name, ip },
        });
        response = await withEtag(
          request,
          result instanceof Response ? result : Response.json(result),
        );
      } else {
        const user = await getCurrentUser();
        if (!user) throw unauthorized();
        if (!((guard.mode ?? "view") === "view" ? canView : canEdit)(user.roles, guard.area))
          throw forbiddenError();
        checkUrlText(request, params);
        const body = await readBody(request);
        const result = await handler({
          request,
          params,
          requestId,
          ip,
          user,
          body: body.value,
          actor: { type: "user", id: user.id, name: user.name, ip },
        });
        response = result instanceof Response ? result : Response.json(result);
      }
    } catch (err) {
      response = errorResponse(err, requestId);
    }
    if (guard.kind === "token" && new URL(request.url).pathname.startsWith("/api/v1/")) {
      const entry = {
        requestId,
        method: request.method,
        route: new URL(request.url).pathname,
        status: response.status,
        latencyMs: Math.round(performance.now() - started),
        ip,
        tokenId: token?.kind === "token" ? token.id : undefined,
        oauthClientId: token?.kind === "client" ? token.id : undefined,
        requestBody,
        responseBody: await response.clone().text(),
      };
      if (unauthenticated) {
        const calls = await recordUnauthenticatedCall(entry);
        if (response.status === 401 && calls > unauthenticatedLimit())
          response = errorResponse(tooManyUnauthenticated(), requestId);
        const limit = unauthenticatedLimit();
        limitState = {
          limit,
          remaining: Math.max(0, limit - calls),
          resetSeconds: 60 - new Date().getUTCSeconds(),
          allowed: response.status !== 429,
        };
      } else await logApiRequest(entry);
      if (limitState)
        for (const [name, value] of Object.entries(rateLimitHeaders(limitState)))
          response.headers.set(name, value);
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
