/** The weak ETag of a resource version, as `meta.version` and the ETag header carry it. */
export function scimEtag(version: number): string {
  return `W/"${version}"`;
}
