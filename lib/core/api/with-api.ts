import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/core/auth/current-user";
import { canEdit, canView, type Area } from "@/lib/core/auth/permissions";
import type { Actor } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { AppError, forbiddenError, unauthorized } from "@/lib/core/errors";
import type { TokenScope } from "@/lib/tokens/rules/scopes";
import { verifyToken, type VerifiedToken } from "@/lib/tokens/commands/verify-token";
import { clientIp } from "./client-ip";
import { maskBody, truncate } from "./mask-body";

type Ctx<P> = { request: Request; params: P; actor: Actor; requestId: string; ip: string | null };
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

/**
 * The one wrapper for route handlers: resolves the session or API token, checks
 * the role or scope, turns thrown errors into JSON responses (zod → 422 naming
 * the field, AppError → its status, anything else → logged 500 with a request
 * id) and, for token calls, writes the API request log.
 */
export function withApi<P = Record<string, string>>(guard: Guard, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    const ip = clientIp(request.headers);
    let token: VerifiedToken | undefined;
    let requestBody: string | undefined;
    let response: Response;
    try {
      if (guard.kind === "token") {
        token = await verifyToken(request.headers.get("authorization"), guard.scope, ip);
        if (request.method !== "GET") requestBody = await request.clone().text();
        const result = await handler({
          request,
          params: await context.params,
          requestId,
          ip,
          token,
          actor: { type: "token", id: token.id, name: token.name, ip },
        });
        response = result instanceof Response ? result : Response.json(result);
      } else {
        const user = await getCurrentUser();
        if (!user) throw unauthorized();
        if (!((guard.mode ?? "view") === "view" ? canView : canEdit)(user.roles, guard.area))
          throw forbiddenError();
        const result = await handler({
          request,
          params: await context.params,
          requestId,
          ip,
          user,
          actor: { type: "user", id: user.id, name: user.name, ip },
        });
        response = result instanceof Response ? result : Response.json(result);
      }
    } catch (err) {
      response = errorResponse(err, requestId);
    }
    response.headers.set("x-request-id", requestId);
    if (guard.kind === "token" && new URL(request.url).pathname.startsWith("/api/v1/")) {
      await logApiRequest(request, response, {
        requestId,
        ip,
        tokenId: token?.id,
        requestBody,
        latencyMs: Math.round(performance.now() - started),
      });
    }
    return response;
  };
}

async function logApiRequest(
  request: Request,
  response: Response,
  meta: {
    requestId: string;
    ip: string | null;
    tokenId?: string;
    requestBody?: string;
    latencyMs: number;
  },
) {
  try {
    const responseText = await response.clone().text();
    let errorCode: string | undefined;
    if (response.status >= 400) {
      try {
        errorCode = JSON.parse(responseText)?.error?.code;
      } catch {
        errorCode = undefined;
      }
    }
    await db.apiRequestLog.create({
      data: {
        tokenId: meta.tokenId ?? null,
        method: request.method,
        route: new URL(request.url).pathname,
        status: response.status,
        latencyMs: meta.latencyMs,
        errorCode: errorCode ?? null,
        requestBody: meta.requestBody ? truncate(maskBody(meta.requestBody), 4096) : null,
        responseBody: truncate(maskBody(responseText), 4096),
        ip: meta.ip,
        requestId: meta.requestId,
      },
    });
  } catch (err) {
    console.error(`[api ${meta.requestId}] could not write the request log`, err);
  }
}
