import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { PassThrough } from "node:stream";
import { serve } from "inngest/node";
import { readLimitedNodeBody } from "@/lib/core/api/read-limited-body";
import { INNGEST_MAX_BODY_BYTES, jsonBodyText } from "@/lib/core/api/refuse-unparsable-json";
import { AppError } from "@/lib/core/errors";
import { envSigningKeys, registrationRefusal } from "./serve-app";

type NodeServeOptions = Pick<Parameters<typeof serve>[0], "client" | "functions"> & {
  /** The origin the SDK reports when it registers (this server's own), whatever Host a request carries. */
  serveOrigin: string;
  servePath?: string;
  /** Defaults to INNGEST_SIGNING_KEY / INNGEST_SIGNING_KEY_FALLBACK. */
  signingKeys?: () => string[];
  maxBytes?: number;
};

function refuse(res: ServerResponse, { status, code, message }: AppError) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * The Inngest SDK's node:http handler with the same guards as serveApp (serve-app.ts) gives the
 * Next.js route: a body that is too large, not UTF-8 or not JSON is refused with 413/400 before
 * the SDK (which would throw: a 500) sees it, and a registration (`PUT`) must be signed with the
 * signing key whatever mode the SDK runs in. Step calls are verified by the SDK itself
 * (INNGEST_DEV=0). Used by the functions worker (scripts/functions-worker.ts), which serves the
 * product's functions to the executor without Next.js's request pipeline in between.
 */
export function serveNode({
  client,
  functions,
  serveOrigin,
  servePath = "/api/inngest",
  signingKeys = envSigningKeys,
  maxBytes = INNGEST_MAX_BODY_BYTES,
}: NodeServeOptions): RequestListener {
  const handler = serve({
    client,
    functions,
    serveOrigin,
    servePath,
    enableUnauthedSync: false,
  });
  return (req, res) => {
    if (req.method !== "POST" && req.method !== "PUT") return handler(req, res);
    readLimitedNodeBody(req, maxBytes)
      .then((bytes) => {
        const text = jsonBodyText(bytes);
        if (req.method === "PUT") {
          const header = req.headers["x-inngest-signature"];
          const refusal = registrationRefusal(
            text,
            typeof header === "string" ? header : null,
            signingKeys(),
          );
          if (refusal) throw new AppError(401, "unauthorized", refusal);
        }
        // The original stream is spent; the SDK reads method, url, headers and the body events.
        const replay = Object.assign(new PassThrough(), {
          method: req.method,
          url: req.url,
          headers: req.headers,
          socket: req.socket,
        });
        replay.end(bytes);
        return handler(replay as unknown as IncomingMessage, res);
      })
      .catch((err: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (err instanceof AppError) return refuse(res, err);
        refuse(res, new AppError(500, "internal", "The step call failed."));
      });
  };
}
