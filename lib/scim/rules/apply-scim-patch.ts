import { scimPatch, type ScimPatchOperation } from "scim-patch";
import { ScimError } from "../scim-error";
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA } from "../types";

export const MAX_PATCH_OPERATIONS = 1_000;

type Op = { op: "add" | "replace" | "remove"; path?: string; value?: unknown };

const READ_ONLY = new Set(["id", "meta", "schemas", "groups"]);

/** Strips a core schema URN from a path ("urn:…:core:2.0:User:userName" → "userName"). */
function corePath(path: string): string {
  for (const core of [USER_SCHEMA, GROUP_SCHEMA])
    if (path.toLowerCase().startsWith(`${core.toLowerCase()}:`)) return path.slice(core.length + 1);
  return path;
}

/** The attribute a path starts at, lower-cased ("emails[type eq …].value" → "emails"). */
function rootAttribute(path: string): string {
  if (path.toLowerCase().startsWith(ENTERPRISE_SCHEMA.toLowerCase()))
    return ENTERPRISE_SCHEMA.toLowerCase();
  return path.split(/[.[]/)[0].trim().toLowerCase();
}

/**
 * A path-less add/replace (Okta: `{"op":"replace","value":{"active":false}}`; Entra also puts
 * "urn:…:User:department" or "name.givenName" keys in it) becomes one operation per attribute, and a
 * complex value one per sub-attribute, so that it merges as RFC 7644 §3.5.2.3 describes instead of
 * wiping the sub-attributes it does not name.
 */
function expandPathless(op: Op, currentId: unknown): Op[] {
  if (!op.value || typeof op.value !== "object" || Array.isArray(op.value))
    throw new ScimError(400, "invalidValue", "An operation without a path needs an object value.");
  const out: Op[] = [];
  for (const [key, value] of Object.entries(op.value as Record<string, unknown>)) {
    if (key.toLowerCase() === "id") {
      // Okta repeats the id in a group rename; only a different id is an attempt to change it.
      if (value !== currentId) throw new ScimError(400, "mutability", "id is read-only.");
      continue;
    }
    if (key.toLowerCase() === "schemas" || key.toLowerCase() === "meta") continue;
    const isExtension = key.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase();
    const complex = value && typeof value === "object" && !Array.isArray(value);
    if (complex && (isExtension || key.toLowerCase() === "name")) {
      for (const [sub, subValue] of Object.entries(value as Record<string, unknown>))
        out.push({ op: op.op, path: `${key}${isExtension ? ":" : "."}${sub}`, value: subValue });
    } else out.push({ op: op.op, path: key, value });
  }
  return out;
}

/**
 * Entra removes members as `{"op":"Remove","path":"members","value":[{"value":"<id>"}]}`: one removal
 * by id each, so the stored member's other sub-attributes (display) do not have to match.
 */
function memberRemovals(values: unknown[], i: number): Op[] {
  return values.map((v) => {
    const id = v && typeof v === "object" ? (v as Record<string, unknown>).value : undefined;
    if (typeof id !== "string" || !/^[A-Za-z0-9_.:-]{1,200}$/.test(id))
      throw new ScimError(
        400,
        "invalidValue",
        `Operations[${i}].value: each member needs a valid "value" id.`,
      );
    return { op: "remove" as const, path: `members[value eq "${id}"]` };
  });
}

function readOperations(body: Record<string, unknown>, currentId: unknown): Op[] {
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === "string" && s.toLowerCase() === PATCH_SCHEMA.toLowerCase())
  )
    throw new ScimError(400, "invalidSyntax", `schemas must contain "${PATCH_SCHEMA}".`);
  const key = Object.keys(body).find((k) => k.toLowerCase() === "operations");
  const list = key ? body[key] : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw new ScimError(400, "invalidSyntax", "Operations must be a non-empty array.");
  if (list.length > MAX_PATCH_OPERATIONS)
    throw new ScimError(400, "tooMany", `At most ${MAX_PATCH_OPERATIONS} operations per request.`);
  const ops: Op[] = [];
  list.forEach((raw, i) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
      throw new ScimError(400, "invalidSyntax", `Operations[${i}] must be an object.`);
    const entry = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const name = typeof entry.op === "string" ? entry.op.toLowerCase() : "";
    if (name !== "add" && name !== "replace" && name !== "remove")
      throw new ScimError(
        400,
        "invalidSyntax",
        `Operations[${i}].op must be add, replace or remove.`,
      );
    if (entry.path !== undefined && (typeof entry.path !== "string" || entry.path.length > 500))
      throw new ScimError(400, "invalidPath", `Operations[${i}].path must be a string.`);
    const path =
      typeof entry.path === "string" && entry.path.trim() ? corePath(entry.path.trim()) : undefined;
    if (name === "remove" && !path)
      throw new ScimError(400, "noTarget", `Operations[${i}]: remove needs a path.`);
    if (name !== "remove" && !("value" in entry))
      throw new ScimError(400, "invalidValue", `Operations[${i}]: ${name} needs a value.`);
    const op: Op = {
      op: name,
      ...(path ? { path } : {}),
      ...("value" in entry ? { value: entry.value } : {}),
    };
    if (!path) ops.push(...expandPathless(op, currentId));
    else if (name === "remove" && path.toLowerCase() === "members" && Array.isArray(op.value))
      ops.push(...memberRemovals(op.value, i));
    else {
      if (READ_ONLY.has(rootAttribute(path)))
        throw new ScimError(400, "mutability", `Operations[${i}]: ${path} is read-only.`);
      ops.push(op);
    }
  });
  return ops;
}

function asScimError(err: unknown): ScimError {
  if (err instanceof ScimError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { scimCode?: string }).scimCode;
  if (code === "noTarget") return new ScimError(400, "noTarget", message);
  if (/path/i.test(message)) return new ScimError(400, "invalidPath", message);
  return new ScimError(400, "invalidValue", message);
}

/**
 * Applies a PatchOp request (RFC 7644 §3.5.2) to a rendered resource with scim-patch, accepting both
 * vendors' dialects: op names in any case ("Replace", "Add", "Remove"), value-filtered paths
 * (`emails[type eq "work"].value`, `members[value eq "…"]`), enterprise-extension paths and
 * path-less values. Returns the patched copy; the caller validates it like a PUT.
 */
export function applyScimPatch(
  resource: Record<string, unknown>,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const ops = readOperations(body, resource.id);
  const doc = {
    meta: { created: new Date(0), lastModified: new Date(0) },
    ...structuredClone(resource),
  };
  try {
    return scimPatch(doc as never, ops as ScimPatchOperation[], {
      mutateDocument: false,
      treatMissingAsAdd: true,
    }) as Record<string, unknown>;
  } catch (err) {
    throw asScimError(err);
  }
}
