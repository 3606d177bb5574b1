import { envSection } from "@/lib/core/env";
import { resolveClientIp } from "./resolve-client-ip";

/**
 * Set by the app server (scripts/app-server.mjs) from the TCP socket, overwriting
 * anything a client sent under that name. Next.js only fills X-Forwarded-For
 * from the socket when the client sent none, so that header cannot tell us who
 * connected.
 */
export const PEER_HEADER = "x-orgbridge-peer";

/**
 * The caller's address: the socket peer, or — when the peer is one of
 * TRUSTED_PROXIES — what those proxies report in X-Forwarded-For (read right to
 * left). Null when unknown (the app was not started through the app server).
 */
export function clientIp(
  headers: Headers,
  trustedProxies: readonly string[] = configuredProxies(),
): string | null {
  return resolveClientIp({
    peer: headers.get(PEER_HEADER),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies,
  });
}

// Only this variable, not the whole env(): route handlers must not depend on sign-in settings.
function configuredProxies(): string[] {
  return envSection("network").TRUSTED_PROXIES;
}
