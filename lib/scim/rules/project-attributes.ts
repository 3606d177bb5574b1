import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "../types";

const MAX_PATHS = 50;

/** "name.givenName", "urn:…:User:department" → the key path in the rendered resource (lower case). */
function toKeyPath(raw: string): string[] {
  const path = raw.trim().toLowerCase();
  const ext = ENTERPRISE_SCHEMA.toLowerCase();
  if (path === ext) return [ext];
  if (path.startsWith(`${ext}:`)) return [ext, ...path.slice(ext.length + 1).split(".")];
  for (const core of [USER_SCHEMA.toLowerCase(), GROUP_SCHEMA.toLowerCase()])
    if (path.startsWith(`${core}:`)) return path.slice(core.length + 1).split(".");
  return path.split(".");
}

function parsePaths(list: string | null): string[][] {
  if (!list) return [];
  return list
    .split(",")
    .filter((p) => p.trim())
    .slice(0, MAX_PATHS)
    .map(toKeyPath);
}

const keyOf = (obj: Record<string, unknown>, lower: string) =>
  Object.keys(obj).find((k) => k.toLowerCase() === lower);

/** `source` cut down to `path`, wrapped in its keys ({ name: { givenName } }); arrays keep each element's part. */
function pick(source: unknown, path: string[]): unknown {
  if (path.length === 0) return source;
  if (Array.isArray(source)) {
    const items = source.map((s) => pick(s, path)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (!source || typeof source !== "object") return undefined;
  const obj = source as Record<string, unknown>;
  const key = keyOf(obj, path[0]);
  if (!key) return undefined;
  const inner = pick(obj[key], path.slice(1));
  return inner === undefined ? undefined : { [key]: inner };
}

function merge(into: Record<string, unknown>, value: Record<string, unknown>) {
  for (const [k, v] of Object.entries(value)) {
    const have = into[k];
    if (
      have &&
      typeof have === "object" &&
      !Array.isArray(have) &&
      v &&
      typeof v === "object" &&
      !Array.isArray(v)
    )
      merge(have as Record<string, unknown>, v as Record<string, unknown>);
    else into[k] = v;
  }
}

function drop(target: unknown, path: string[]) {
  if (!target || typeof target !== "object") return;
  if (Array.isArray(target)) return target.forEach((t) => drop(t, path));
  const obj = target as Record<string, unknown>;
  const key = keyOf(obj, path[0]);
  if (!key) return;
  if (path.length === 1) delete obj[key];
  else drop(obj[key], path.slice(1));
}

/**
 * RFC 7644 §3.4.2.5: `attributes` returns only the named attributes (plus `schemas` and `id`, which
 * are always returned); `excludedAttributes` removes the named ones (never `schemas` or `id`).
 * Names ignore case and may carry their schema URN.
 */
export function projectAttributes(
  resource: Record<string, unknown>,
  attributes: string | null,
  excludedAttributes: string | null,
): Record<string, unknown> {
  const include = parsePaths(attributes);
  let out: Record<string, unknown>;
  if (include.length) {
    out = { schemas: resource.schemas, id: resource.id };
    for (const path of include) {
      const value = pick(resource, path);
      if (value !== undefined) merge(out, value as Record<string, unknown>);
    }
  } else {
    out = structuredClone(resource);
  }
  for (const path of parsePaths(excludedAttributes))
    if (!(path.length === 1 && (path[0] === "id" || path[0] === "schemas"))) drop(out, path);
  return out;
}
