/**
 * A Retry-After header as a delay in ms: delta-seconds ("120") or an HTTP date
 * ("Wed, 01 Jul 2026 08:00:00 GMT", relative to `now`). Null when absent or unreadable;
 * a date in the past gives 0.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only IMF-fixdate and its obsolete forms name a weekday or month; reject bare numbers like "1.5".
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
