import { scimEtag } from "./scim-etag";

/**
 * RFC 7232 If-Match against the resource's current ETag: absent or `*` passes; otherwise one of
 * the listed tags must equal it (weak comparison: `W/"3"` and `"3"` both name version 3).
 */
export function ifMatchSatisfied(header: string | null, version: number): boolean {
  if (header === null || header.trim() === "" || header.trim() === "*") return true;
  const current = scimEtag(version).replace(/^W\//, "");
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === current);
}
