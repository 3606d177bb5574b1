import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "../types";
import { MAX_PATCH_OPERATIONS } from "./apply-scim-patch";
import { MAX_SCIM_BODY_BYTES } from "./parse-scim-body";
import { MAX_PAGE_SIZE } from "./read-list-params";

/** ServiceProviderConfig (RFC 7643 §5): what this provider does, and plainly what it does not. */
export function serviceProviderConfig(baseUrl: string): Record<string, unknown> {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: `${baseUrl.replace(/\/scim\/v2$/, "")}/connections`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "The token shown when the SCIM connection was created or its token rotated, sent as 'Authorization: Bearer obscim_…'.",
        primary: true,
      },
    ],
    maxPatchOperations: MAX_PATCH_OPERATIONS,
    maxPayloadSize: MAX_SCIM_BODY_BYTES,
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

/** The ResourceTypes endpoint's resources (RFC 7643 §6). */
export function resourceTypes(baseUrl: string): Record<string, unknown>[] {
  const type = (
    id: string,
    endpoint: string,
    schema: string,
    extensions: { schema: string; required: boolean }[],
  ) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id,
    name: id,
    endpoint,
    schema,
    ...(extensions.length ? { schemaExtensions: extensions } : {}),
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${id}` },
  });
  return [
    type("User", "/Users", USER_SCHEMA, [{ schema: ENTERPRISE_SCHEMA, required: false }]),
    type("Group", "/Groups", GROUP_SCHEMA, []),
  ];
}
