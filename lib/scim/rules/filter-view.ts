/**
 * The view a compiled filter runs on: keys lower-cased (attribute names ignore case) and string
 * values lower-cased except `id` and `externalId` (the case-exact ones). `meta` is kept as is.
 */
export function filterView(value: unknown, key = ""): unknown {
  if (typeof value === "string")
    return key === "id" || key === "externalid" ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((v) => filterView(v, key));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const lower = k.toLowerCase();
      out[lower] = lower === "meta" ? v : filterView(v, lower);
    }
    return out;
  }
  return value;
}
