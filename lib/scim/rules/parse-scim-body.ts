import { ScimError } from "../scim-error";

/** Bigger bodies are refused before parsing: a user is a few KB, a group's PATCH batch a few hundred KB. */
export const MAX_SCIM_BODY_BYTES = 512 * 1024;
const MAX_DEPTH = 10;
const MAX_NODES = 50_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where the first string that cannot be stored is, as a dotted path; undefined when none. */
function findBadValue(value: unknown, path: string, depth: number, count: { n: number }): string {
  if (++count.n > MAX_NODES)
    throw new ScimError(400, "invalidSyntax", `The body has more than ${MAX_NODES} values.`);
  if (depth > MAX_DEPTH)
    throw new ScimError(
      400,
      "invalidSyntax",
      `The body is nested deeper than ${MAX_DEPTH} levels.`,
    );
  if (typeof value === "string") {
    if (value.includes("\u0000")) return `${path || "body"} contains a NUL character`;
    if (LONE_SURROGATE.test(value)) return `${path || "body"} contains a lone surrogate`;
    return "";
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadValue(value[i], `${path}[${i}]`, depth + 1, count);
      if (bad) return bad;
    }
    return "";
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyBad = findBadValue(k, `${path}${path ? "." : ""}(key)`, depth + 1, count);
      if (keyBad) return keyBad;
      const bad = findBadValue(v, `${path}${path ? "." : ""}${k}`, depth + 1, count);
      if (bad) return bad;
    }
  }
  return "";
}

/**
 * Reads a request body as SCIM JSON: `application/scim+json` or `application/json`, at most
 * MAX_SCIM_BODY_BYTES, valid UTF-8, a JSON object, not nested too deep, and no string holding a
 * NUL or a lone surrogate (PostgreSQL cannot store the one, the IM APIs reject the other).
 */
export function parseScimBody(
  contentType: string | null,
  body: Uint8Array,
): Record<string, unknown> {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/scim+json" && mediaType !== "application/json")
    throw new ScimError(
      415,
      undefined,
      "Send the body as application/scim+json or application/json.",
    );
  if (body.byteLength > MAX_SCIM_BODY_BYTES)
    throw new ScimError(413, undefined, `The body is over ${MAX_SCIM_BODY_BYTES} bytes.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ScimError(400, "invalidSyntax", "The body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScimError(400, "invalidSyntax", "The body is not valid JSON.");
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new ScimError(400, "invalidSyntax", "The body must be a JSON object.");
  const bad = findBadValue(json, "", 0, { n: 0 });
  if (bad) throw new ScimError(400, "invalidValue", `${bad}.`);
  return json as Record<string, unknown>;
}
