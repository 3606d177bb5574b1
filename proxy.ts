import { NextResponse, type NextRequest } from "next/server";
import { envSection } from "@/lib/core/env";
import { securityHeaders } from "@/lib/core/security-headers";

const isPage = (pathname: string) =>
  !pathname.startsWith("/api/") &&
  !pathname.startsWith("/scim/") &&
  !pathname.startsWith("/_next/");

/**
 * Security headers on every response (lib/core/security-headers.ts), with a fresh
 * script nonce per page request: Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own inline scripts; the root
 * layout hands it to next-themes. Pages also get the requested path, so a page
 * that needs sign-in can send the person back where they were going.
 */
export function proxy(request: NextRequest) {
  const { pathname, search, protocol } = request.nextUrl;
  const page = isPage(pathname);
  const nonce = page ? Buffer.from(crypto.randomUUID()).toString("base64") : undefined;
  const headers = securityHeaders({
    nonce,
    dev: envSection("app").NODE_ENV === "development",
    https: protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  if (page) {
    requestHeaders.set("x-orgbridge-path", pathname + search);
    requestHeaders.set("x-nonce", nonce!);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Static build assets are immutable files, served without running the proxy.
export const config = { matcher: ["/((?!_next/static/|_next/image|favicon.svg).*)"] };
