/**
 * The caller's address as Next.js reports it: X-Forwarded-For, which Next.js
 * fills from the socket when absent. A client can send its own header, so
 * deployments that use token IP allow-lists must sit behind a proxy that
 * overwrites X-Forwarded-For (docs/security.md).
 */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
