/**
 * Maps an issue path ("config.rateLimit.perMinute") to the form field that
 * shows it ("config.rateLimit") and the part below it ("perMinute"): nested
 * values are edited as one JSON field, so their issues land on that field.
 */
export function formFieldFor(path: string): { field: string; rest: string } {
  const parts = path.split(".").filter(Boolean);
  const depth = parts[0] === "config" || parts[0] === "secrets" ? 2 : 1;
  return { field: parts.slice(0, depth).join("."), rest: parts.slice(depth).join(".") };
}
