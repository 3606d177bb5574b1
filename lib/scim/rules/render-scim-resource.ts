import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
  type StoredGroup,
  type StoredUser,
} from "../types";
import { scimEtag } from "./scim-etag";

export type ScimResourceRow = {
  id: string;
  type: string;
  data: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A stored User or Group as the client sees it: schemas, id, attributes, meta (RFC 7643 §3.1). */
export function renderScimResource(row: ScimResourceRow, baseUrl: string): Record<string, unknown> {
  const meta = {
    resourceType: row.type,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location: `${baseUrl}/${row.type === "User" ? "Users" : "Groups"}/${row.id}`,
    version: scimEtag(row.version),
  };
  if (row.type === "Group") {
    const g = row.data as StoredGroup;
    return {
      schemas: [GROUP_SCHEMA],
      id: row.id,
      ...(g.externalId ? { externalId: g.externalId } : {}),
      displayName: g.displayName,
      members: g.members.map((m) => ({
        value: m.value,
        ...(m.display ? { display: m.display } : {}),
        $ref: `${baseUrl}/Users/${m.value}`,
        type: "User",
      })),
      meta,
    };
  }
  const { enterprise, ...user } = row.data as StoredUser;
  const manager = enterprise?.manager
    ? { ...enterprise.manager, $ref: `${baseUrl}/Users/${enterprise.manager.value}` }
    : undefined;
  return {
    schemas: enterprise ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: row.id,
    ...user,
    ...(enterprise
      ? { [ENTERPRISE_SCHEMA]: { ...enterprise, ...(manager ? { manager } : {}) } }
      : {}),
    meta,
  };
}
