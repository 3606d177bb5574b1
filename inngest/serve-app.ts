import type { InngestFunction } from "inngest";
import { envSection } from "@/lib/core/env";
import { serve } from "inngest/next";
import type { Inngest } from "inngest";
import { canonicalJson, verifySignature } from "@/inngest/engine/signing";

type ServeOptions = {
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  /** Defaults to INNGEST_SIGNING_KEY / INNGEST_SIGNING_KEY_FALLBACK, read per request. */
  signingKeys?: () => string[];
};

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;

const refused = (message: string) =>
  Response.json({ error: { code: "unauthorized", message } }, { status: 401 });

/** True when `text` (the raw body) carries a valid `X-Inngest-Signature` from one of the keys, as the SDK computes it. */
export function hasValidSignature(text: string, header: string | null, keys: string[]): boolean {
  if (!header || !keys.length) return false;
  let body: unknown = "";
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      return false;
    }
  }
  const canonical = canonicalJson(body);
  return keys.some((key) => verifySignature(canonical, header, key));
}

/** Why a registration (`PUT`) with this body and signature header is refused, or null when it may go on. */
export function registrationRefusal(
  text: string,
  header: string | null,
  keys: string[],
): string | null {
  if (!keys.length) return "Registration needs INNGEST_SIGNING_KEY; none is configured.";
  if (!hasValidSignature(text, header, keys))
    return "Registration must be signed with the Inngest signing key.";
  return null;
}

export const envSigningKeys = () => {
  const jobs = envSection("jobs");
  return [jobs.INNGEST_SIGNING_KEY, jobs.INNGEST_SIGNING_KEY_FALLBACK].filter((k): k is string =>
    Boolean(k),
  );
};

/**
 * The Inngest SDK's Next.js handlers with registration locked down. A sync (`PUT`)
 * makes the executor call whatever URL the request names, and the SDK accepts an
 * unsigned out-of-band `PUT` by default and builds that URL from the Host header —
 * so anyone could point every function at their own host. Here:
 * - `enableUnauthedSync: false`: in cloud mode the SDK verifies the signature on
 *   every request, sync included;
 * - `PUT` must be signed with the signing key in every mode (the SDK's dev mode
 *   verifies nothing), and is refused when no key is configured;
 * - INNGEST_SERVE_ORIGIN (read by the SDK) pins the origin it reports, so even a
 *   signed sync cannot register a URL taken from the request.
 */
export function serveApp({ client, functions, signingKeys = envSigningKeys }: ServeOptions) {
  const handlers = serve({ client, functions, enableUnauthedSync: false }) as unknown as Record<
    "GET" | "POST" | "PUT",
    RouteHandler
  >;
  const PUT: RouteHandler = async (request, context) => {
    const header = request.headers.get("x-inngest-signature");
    const text = header ? await request.clone().text() : "";
    const refusal = registrationRefusal(text, header, signingKeys());
    if (refusal) return refused(refusal);
    return handlers.PUT(request, context);
  };
  return { GET: handlers.GET, POST: handlers.POST, PUT };
}
