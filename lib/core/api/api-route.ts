import { z } from "zod";
import type { Actor } from "@/lib/core/audit/record-audit";
import type { VerifiedToken } from "@/lib/tokens/commands/verify-token";
import type { ApiOperation } from "./api-operation";
import { withApi } from "./with-api";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiRouteContext<O extends ApiOperation> = {
  request: Request;
  requestId: string;
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  /** The body, parsed with the operation's schema (raw when the handler's lib validates it). */
  input: O["bodyValidatedBy"] extends "handler" ? unknown : Out<O["body"]>;
  token: VerifiedToken;
  actor: Actor;
};

const REPLY = Symbol("reply");
type Reply = { [REPLY]: true; status: 200 | 201 | 202 | 204; body: unknown; headers?: HeadersInit };

/** A success answer other than 200, or with headers; its body is checked like any other. */
export function reply(status: Reply["status"], body: unknown, headers?: HeadersInit): Reply {
  return { [REPLY]: true, status, body, headers };
}

export type ApiRouteHandler = ((
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>) & { operation: ApiOperation };

/**
 * A /api/v1 route handler built from its operation: token scope from the operation, path
 * parameters, query and body parsed with the operation's schemas (zod → 422 naming the field),
 * and the answer checked against the operation's response schema before it leaves — unknown
 * fields are dropped, so a column added to a query never leaks without being in the spec. The
 * operation rides on the handler, so the drift test can tell which one a route serves.
 */
export function apiRoute<O extends ApiOperation>(
  operation: O,
  handler: (ctx: ApiRouteContext<O>) => Promise<unknown>,
): ApiRouteHandler {
  const route = withApi<Record<string, string>>(
    { kind: "token", scope: operation.scope, emptyBody: !operation.body },
    async ({ request, requestId, params, body, token, actor }) => {
      const parsedParams = operation.params?.parse(params);
      const query = operation.query?.parse(Object.fromEntries(new URL(request.url).searchParams));
      const input =
        operation.body && operation.bodyValidatedBy !== "handler"
          ? operation.body.parse(body ?? {})
          : body;
      const result = await handler({
        request,
        requestId,
        params: parsedParams as Out<O["params"]>,
        query: query as Out<O["query"]>,
        input: input as ApiRouteContext<O>["input"],
        token: token!,
        actor,
      });
      const answer =
        result && typeof result === "object" && REPLY in result
          ? (result as Reply)
          : { status: 200 as const, body: result, headers: undefined };
      const spec = operation.responses[answer.status];
      if (!spec)
        throw new Error(`${operation.operationId} answered ${answer.status}, not in its spec`);
      if (answer.status === 204 || !spec.schema)
        return new Response(null, { status: answer.status, headers: answer.headers });
      // JSON first: the schema checks what the client will receive (dates as ISO strings).
      const wire = spec.schema.safeParse(JSON.parse(JSON.stringify(answer.body ?? null)));
      // Our fault, not the caller's: a 500 with the reason in the server log, never a 422.
      if (!wire.success)
        throw new Error(
          `${operation.operationId} answer does not match its schema: ${wire.error.message}`,
        );
      return Response.json(wire.data, { status: answer.status, headers: answer.headers });
    },
  );
  return Object.assign(route, { operation });
}
