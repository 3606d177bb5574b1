import { db } from "@/lib/core/db";
import { compileScimFilter } from "../rules/compile-scim-filter";
import { filterView } from "../rules/filter-view";
import type { ListParams } from "../rules/read-list-params";
import { renderScimResource, type ScimResourceRow } from "../rules/render-scim-resource";
import type { ScimResourceType } from "../types";

export type ScimListResult = { totalResults: number; rows: ScimResourceRow[] };

/**
 * One page of a client's Users or Groups (RFC 7644 §3.4.2), in creation order. Without a filter the
 * database pages; with one, an indexed equality in it (userName / displayName / externalId / id —
 * what Entra and Okta send to look a resource up) narrows the rows first and the whole filter then
 * runs on the rendered resources, so every attribute it names is honoured.
 */
export async function listScimResources(input: {
  connectionId: string;
  type: ScimResourceType;
  params: ListParams;
  baseUrl: string;
}): Promise<ScimListResult> {
  const { connectionId, type, params } = input;
  const where = { connectionId, type };
  const orderBy = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const skip = params.startIndex - 1;
  if (!params.filter) {
    const [totalResults, rows] = await Promise.all([
      db.scimResource.count({ where }),
      params.count === 0
        ? Promise.resolve([])
        : db.scimResource.findMany({ where, orderBy, skip, take: params.count }),
    ]);
    return { totalResults, rows };
  }
  const compiled = compileScimFilter(params.filter, type === "User" ? "userName" : "displayName");
  const n = compiled.narrowing;
  const candidates = await db.scimResource.findMany({
    where: {
      ...where,
      ...(n?.attribute === "id" ? { id: n.value } : {}),
      ...(n?.attribute === "externalId" ? { externalId: n.value } : {}),
      ...(n?.attribute === "nameKey" ? { nameKey: n.value } : {}),
    },
    orderBy,
  });
  const matching = candidates.filter((row) =>
    compiled.test(filterView(renderScimResource(row, input.baseUrl)) as Record<string, unknown>),
  );
  return { totalResults: matching.length, rows: matching.slice(skip, skip + params.count) };
}
