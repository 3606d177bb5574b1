import { ScimError } from "../scim-error";
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE } from "../types";

/** A SCIM JSON response (`application/scim+json`), never cached. */
export function scimResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": SCIM_CONTENT_TYPE }),
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** RFC 7644 §3.12: the error schema, `status` as a string, `scimType` when there is one. */
export function scimErrorResponse(err: ScimError): Response {
  return scimResponse(
    err.status,
    {
      schemas: [ERROR_SCHEMA],
      status: String(err.status),
      ...(err.scimType ? { scimType: err.scimType } : {}),
      detail: err.detail,
    },
    err.status === 401 ? { "WWW-Authenticate": 'Bearer realm="OrgBridge SCIM"' } : {},
  );
}
