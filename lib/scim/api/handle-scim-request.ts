import { clientIp } from "@/lib/core/api/client-ip";
import { readLimitedBody } from "@/lib/core/api/read-limited-body";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { writeScimGroup } from "../commands/write-scim-group";
import { writeScimUser, type ScimConnectionRef } from "../commands/write-scim-user";
import { authenticateScimClient } from "../queries/authenticate-scim-client";
import { getScimResource } from "../queries/get-scim-resource";
import { listScimResources } from "../queries/list-scim-resources";
import { MAX_SCIM_BODY_BYTES, parseScimBody } from "../rules/parse-scim-body";
import { projectAttributes } from "../rules/project-attributes";
import { readListParams } from "../rules/read-list-params";
import { renderScimResource, type ScimResourceRow } from "../rules/render-scim-resource";
import { resourceTypes, serviceProviderConfig } from "../rules/scim-discovery";
import { scimEtag } from "../rules/scim-etag";
import { scimSchemas } from "../rules/scim-schemas";
import { ScimError } from "../scim-error";
import { LIST_SCHEMA } from "../types";
import { scimErrorResponse, scimResponse } from "./scim-response";

export type ScimEndpoint =
  "Users" | "Groups" | "ServiceProviderConfig" | "ResourceTypes" | "Schemas";
export type ScimRoute = { endpoint: ScimEndpoint; id?: string };

const ID = /^[A-Za-z0-9_.:-]{1,200}$/;

function listResponse(resources: unknown[], total: number, startIndex: number) {
  return scimResponse(200, {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  });
}

/** ServiceProviderConfig, ResourceTypes and Schemas: public descriptions, no client data. */
function discovery(route: ScimRoute, baseUrl: string): Response {
  if (route.endpoint === "ServiceProviderConfig") {
    if (route.id) throw new ScimError(404, undefined, "No such resource.");
    return scimResponse(200, serviceProviderConfig(baseUrl));
  }
  const all = route.endpoint === "Schemas" ? scimSchemas(baseUrl) : resourceTypes(baseUrl);
  if (!route.id) return listResponse(all, all.length, 1);
  const one = all.find((r) => r.id === route.id);
  if (!one)
    throw new ScimError(
      404,
      undefined,
      `No such ${route.endpoint === "Schemas" ? "schema" : "resource type"}.`,
    );
  return scimResponse(200, one);
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBody(request, MAX_SCIM_BODY_BYTES);
  } catch (err) {
    if (err instanceof AppError) throw new ScimError(err.status, undefined, err.message);
    throw new ScimError(400, "invalidSyntax", "The body could not be read.");
  }
  return parseScimBody(request.headers.get("content-type"), bytes);
}

async function resources(
  request: Request,
  route: ScimRoute & { endpoint: "Users" | "Groups" },
  baseUrl: string,
  connection: ScimConnectionRef,
) {
  const type = route.endpoint === "Users" ? "User" : "Group";
  const url = new URL(request.url);
  const attributes = url.searchParams.get("attributes");
  const excluded = url.searchParams.get("excludedAttributes");
  const show = (row: ScimResourceRow) =>
    projectAttributes(renderScimResource(row, baseUrl), attributes, excluded);
  const withEtag = (status: number, row: ScimResourceRow, extra: Record<string, string> = {}) =>
    scimResponse(status, show(row), { ETag: scimEtag(row.version), ...extra });
  const actor: Actor = {
    type: "connection",
    id: connection.id,
    name: `SCIM: ${connection.name}`,
    ip: clientIp(request.headers),
  };
  const write = async (
    op: "create" | "replace" | "patch" | "delete",
    body?: Record<string, unknown>,
  ) => {
    const input = { connection, op, id: route.id, body, ifMatch: request.headers.get("if-match") };
    return type === "User" ? writeScimUser(input, { actor }) : writeScimGroup(input, { actor });
  };
  const method = request.method.toUpperCase();
  if (!route.id) {
    if (method === "GET") {
      const params = readListParams(url.searchParams);
      const page = await listScimResources({ connectionId: connection.id, type, params, baseUrl });
      return listResponse(page.rows.map(show), page.totalResults, params.startIndex);
    }
    if (method === "POST") {
      const row = (await write("create", await readBody(request)))!;
      return withEtag(201, row, { Location: `${baseUrl}/${route.endpoint}/${row.id}` });
    }
    throw new ScimError(405, undefined, `${method} is not supported on /${route.endpoint}.`);
  }
  if (!ID.test(route.id)) throw new ScimError(404, undefined, `No such ${type}.`);
  if (method === "GET") {
    const row = await getScimResource({ connectionId: connection.id, type, id: route.id });
    const ifNoneMatch = request.headers.get("if-none-match");
    if (
      ifNoneMatch &&
      ifNoneMatch
        .split(",")
        .some((t) => t.trim().replace(/^W\//, "") === scimEtag(row.version).replace(/^W\//, ""))
    )
      return scimResponse(304, undefined, { ETag: scimEtag(row.version) });
    return withEtag(200, row);
  }
  if (method === "PUT") return withEtag(200, (await write("replace", await readBody(request)))!);
  if (method === "PATCH") return withEtag(200, (await write("patch", await readBody(request)))!);
  if (method === "DELETE") {
    await write("delete");
    return scimResponse(204, undefined);
  }
  throw new ScimError(405, undefined, `${method} is not supported on /${route.endpoint}/{id}.`);
}

/**
 * Serves one request to `/scim/v2/…` (RFC 7644): discovery endpoints openly; Users and Groups for
 * the SCIM connection the bearer token belongs to. Every refusal is a SCIM error; an unexpected
 * failure is logged and answered 500 without details.
 */
export async function handleScimRequest(request: Request, route: ScimRoute): Promise<Response> {
  const baseUrl = `${new URL(request.url).origin}/scim/v2`;
  try {
    if (route.endpoint !== "Users" && route.endpoint !== "Groups") {
      if (request.method.toUpperCase() !== "GET")
        throw new ScimError(405, undefined, "Discovery endpoints are read-only.");
      return discovery(route, baseUrl);
    }
    const connection = await authenticateScimClient(request.headers.get("authorization"));
    return await resources(request, { ...route, endpoint: route.endpoint }, baseUrl, connection);
  } catch (err) {
    if (err instanceof ScimError) return scimErrorResponse(err);
    console.error("[scim] request failed", err);
    return scimErrorResponse(new ScimError(500, undefined, "The request could not be completed."));
  }
}
