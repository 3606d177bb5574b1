// Shapes and names shared by the SCIM 2.0 service provider (RFC 7643 / RFC 7644).

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimResourceType = "User" | "Group";

/** RFC 7644 §3.12 error types this provider uses. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers";

export type MultiValue = { value: string; type?: string; primary?: boolean; display?: string };

/** A user as stored: the attributes this provider keeps (others are not stored). */
export type StoredUser = {
  userName: string;
  externalId?: string;
  name?: {
    formatted?: string;
    familyName?: string;
    givenName?: string;
    middleName?: string;
    honorificPrefix?: string;
    honorificSuffix?: string;
  };
  displayName?: string;
  nickName?: string;
  title?: string;
  userType?: string;
  preferredLanguage?: string;
  locale?: string;
  timezone?: string;
  active: boolean;
  emails?: MultiValue[];
  phoneNumbers?: MultiValue[];
  addresses?: Record<string, string | boolean>[];
  enterprise?: {
    employeeNumber?: string;
    department?: string;
    organization?: string;
    division?: string;
    costCenter?: string;
    /** `value` is the manager's SCIM id. */
    manager?: { value: string; displayName?: string };
  };
};

export type StoredGroup = {
  displayName: string;
  externalId?: string;
  members: { value: string; display?: string }[];
};

/** Config of a SCIM_INBOUND connection (Connection.config). */
export type ScimConnectionConfig = {
  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  tokenHash: string;
  /** First characters of the token, so an admin can tell which one a client holds. */
  tokenHint: string;
  tokenRotatedAt: string;
  /** Unit for users whose department matches no org unit (by code, then by name); absent: no unit + conflict. */
  fallbackUnitCode?: string;
};
