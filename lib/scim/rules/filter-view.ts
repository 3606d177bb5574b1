/**
 * The view a compiled filter runs on: keys lower-cased (attribute names ignore case) and string
 * values lower-cased except `id`, `externalId` and everything under `meta` (the case-exact ones;
 * meta's timestamps compare as ISO text).
 */
export function filterView(value: unknown, key = "", exact = false): unknown {
  if (typeof value === "string")
    return exact || key === "id" || key === "externalid" ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((v) => filterView(v, key, exact));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const lower = k.toLowerCase();
      out[lower] = filterView(v, lower, exact || lower === "meta");
    }
    return out;
  }
  return value;
}
