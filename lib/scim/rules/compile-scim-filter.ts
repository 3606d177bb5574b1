import { filter as toPredicate, parse, type Filter } from "scim2-parse-filter";
import { ScimError } from "../scim-error";

export const MAX_FILTER_LENGTH = 1_000;

/** Attributes compared case-exactly (RFC 7643: caseExact true); every other string ignores case. */
const CASE_EXACT = new Set(["id", "externalid"]);

/** An indexed equality the database can answer before the full filter runs in memory. */
export type FilterNarrowing = { attribute: "id" | "externalId" | "nameKey"; value: string };

export type CompiledScimFilter = {
  test: (view: Record<string, unknown>) => boolean;
  narrowing?: FilterNarrowing;
};

function lastSegment(attrPath: string): string {
  const parts = attrPath.split(".");
  return parts[parts.length - 1];
}

/** Lower-cases attribute paths, and compared strings except for case-exact attributes. */
function normalise(f: Filter): Filter {
  switch (f.op) {
    case "and":
    case "or":
      return { ...f, filters: f.filters.map(normalise) };
    case "not":
      return { ...f, filter: normalise(f.filter) };
    case "[]":
      return { ...f, attrPath: f.attrPath.toLowerCase(), valFilter: normalise(f.valFilter) };
    case "pr":
      return { ...f, attrPath: f.attrPath.toLowerCase() };
    default: {
      const attrPath = f.attrPath.toLowerCase();
      const exact = CASE_EXACT.has(lastSegment(attrPath)) || attrPath.startsWith("meta.");
      const compValue =
        typeof f.compValue === "string" && !exact ? f.compValue.toLowerCase() : f.compValue;
      return { ...f, attrPath, compValue } as Filter;
    }
  }
}

function narrowingOf(f: Filter, nameAttribute: string): FilterNarrowing | undefined {
  if (f.op === "and") {
    for (const sub of f.filters) {
      const n = narrowingOf(sub, nameAttribute);
      if (n) return n;
    }
    return undefined;
  }
  if (f.op !== "eq" || typeof f.compValue !== "string") return undefined;
  if (f.attrPath === "id") return { attribute: "id", value: f.compValue };
  if (f.attrPath === "externalid") return { attribute: "externalId", value: f.compValue };
  if (f.attrPath === nameAttribute.toLowerCase())
    return { attribute: "nameKey", value: f.compValue };
  return undefined;
}

/**
 * Compiles a `filter` query parameter (RFC 7644 §3.4.2.2) with scim2-parse-filter. The predicate runs
 * on a resource view made by `filterView` (keys and case-insensitive strings lower-cased), so
 * `userName eq "Ann@X"` finds ann@x as the RFC requires. A filter that does not parse is
 * `invalidFilter`. `nameAttribute` is userName (Users) or displayName (Groups).
 */
export function compileScimFilter(text: string, nameAttribute: string): CompiledScimFilter {
  if (text.length > MAX_FILTER_LENGTH)
    throw new ScimError(
      400,
      "invalidFilter",
      `The filter is longer than ${MAX_FILTER_LENGTH} characters.`,
    );
  let ast: Filter;
  try {
    ast = normalise(parse(text));
  } catch (err) {
    throw new ScimError(
      400,
      "invalidFilter",
      `The filter could not be parsed: ${(err as Error).message}`,
    );
  }
  let predicate: (v: Record<string, unknown>) => boolean;
  try {
    predicate = toPredicate(ast) as (v: Record<string, unknown>) => boolean;
  } catch (err) {
    throw new ScimError(
      400,
      "invalidFilter",
      `The filter is not supported: ${(err as Error).message}`,
    );
  }
  return { test: predicate, narrowing: narrowingOf(ast, nameAttribute) };
}
