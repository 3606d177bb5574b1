import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/core/auth/current-user";
import { canEdit, canView, type Area } from "@/lib/core/auth/permissions";
import type { Actor } from "@/lib/core/audit/record-audit";
import { envSection } from "@/lib/core/env";
import { AppError, forbiddenError, unauthorized } from "@/lib/core/errors";
import type { TokenScope } from "@/lib/tokens/rules/scopes";
import { verifyToken, type VerifiedToken } from "@/lib/tokens/commands/verify-token";
import { apiBodyLimit } from "./api-body-limit";
import { clientIp } from "./client-ip";
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
  { kind: "session"; area: Area; mode?: "view" | "edit" } | { kind: "token"; scope: TokenScope };

type Handler<P> = (ctx: Ctx<P> & { user?: CurrentUser; token?: VerifiedToken }) => Promise<unknown>;

function errorResponse(err: unknown, requestId: string): Response {
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    return Response.json(
      {
        error: {
          code: "invalid",
          message: `Invalid ${issues[0]?.field || "input"}: ${issues[0]?.message}`,
          issues,
        },
        requestId,
      },
      { status: 422 },
    );
  }
  if (err instanceof AppError) {
    return Response.json(
      { error: { code: err.code, message: err.message, field: err.field }, requestId },
      { status: err.status },
    );
  }
  if (err instanceof SyntaxError) {
    return Response.json(
      { error: { code: "bad_json", message: "The request body is not valid JSON." }, requestId },
      { status: 400 },
    );
  }
  console.error(`[api ${requestId}]`, err);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side.", requestId } },
    { status: 500 },
  );
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
async function readBody(request: Request): Promise<{ text?: string; value: unknown }> {
  if (request.method === "GET" || request.method === "HEAD") return { value: undefined };
  const bytes = await readLimitedBody(request, apiBodyLimit());
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
    let response: Response;
    try {
      const params = await context.params;
      if (guard.kind === "token") {
        try {
          token = await verifyToken(request.headers.get("authorization"), guard.scope, ip);
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
        checkUrlText(request, params);
        const body = await readBody(request).catch((err: Error & { bodyText?: string }) => {
          requestBody = err.bodyText;
          throw err;
        });
        requestBody = body.text;
        const result = await handler({
          request,
          params,
          requestId,
          ip,
          token,
          body: body.value,
          actor: { type: "token", id: token.id, name: token.name, ip },
        });
        response = result instanceof Response ? result : Response.json(result);
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
        tokenId: token?.id,
        requestBody,
        responseBody: await response.clone().text(),
      };
      if (unauthenticated) {
        const calls = await recordUnauthenticatedCall(entry);
        if (response.status === 401 && calls > unauthenticatedLimit())
          response = errorResponse(tooManyUnauthenticated(), requestId);
      } else await logApiRequest(entry);
    }
    if (response.status === 429) response.headers.set("retry-after", "60");
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
