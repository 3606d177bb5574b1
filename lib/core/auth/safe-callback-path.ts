// Browsers read "\" as "/", drop tabs and newlines inside URLs, and treat "//host"
// as another site, so a prefix check on the raw string is not enough: the value is
// resolved the way a browser would, and only a same-origin result is kept.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The same-origin path (path, query, fragment) a callback URL leads to, or "/"
 * when it leads anywhere else or cannot be read. `origin` is the app's own.
 */
export function safeCallbackPath(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2048) return "/";
  if (CONTROL.test(raw) || raw.includes("\\")) return "/";
  let decoded = raw;
  try {
    // A single decode catches "%09", "%5C" and "%2F%2F" smuggled past the checks above.
    decoded = decodeURIComponent(raw);
  } catch {
    return "/";
  }
  if (CONTROL.test(decoded) || decoded.includes("\\")) return "/";
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return "/";
  }
  // Checked as sent and once decoded: a later layer that decodes must not find another site either.
  const paths = [raw, decoded].map((value) => sameOriginPath(value, base));
  return paths.every((p) => p !== null) ? paths[0]! : "/";
}

function sameOriginPath(value: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example": a protocol-relative URL.
  return path.startsWith("//") ? null : path;
}
