import type { ScimType } from "./types";

/** A refusal in RFC 7644 §3.12 terms: rendered as the SCIM error schema with `status` as a string. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}
