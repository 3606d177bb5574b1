/**
 * Whether a server-action request came from a page of this site. Next.js checks
 * Origin against Host only when Origin is present; a request without one (a
 * script, an old client, a stripped header) would pass, so it is refused here.
 */
export function isSameOriginAction(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(expected) && host.toLowerCase() === expected!.toLowerCase();
}
