/**
 * Attribute names are case-insensitive in SCIM (RFC 7643 §2.1): renames the keys of `value` that
 * match one of `names` ignoring case to that spelling; other keys are kept as sent.
 */
export function canonicalKeys(
  value: Record<string, unknown>,
  names: readonly string[],
): Record<string, unknown> {
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[byLower.get(k.toLowerCase()) ?? k] = v;
  return out;
}
