import { ScimError } from "../scim-error";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export type ListParams = {
  filter?: string;
  /** 1-based. */
  startIndex: number;
  count: number;
  attributes: string | null;
  excludedAttributes: string | null;
};

function integer(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  if (!/^-?\d{1,9}$/.test(raw.trim()))
    throw new ScimError(400, "invalidValue", `${name} must be an integer.`);
  return Number(raw.trim());
}

/**
 * The query of a list request (RFC 7644 §3.4.2): startIndex below 1 counts as 1, count below 0 as 0
 * and above MAX_PAGE_SIZE as MAX_PAGE_SIZE, as the RFC asks. Sorting is not offered
 * (ServiceProviderConfig says so), so `sortBy` is refused rather than ignored.
 */
export function readListParams(params: URLSearchParams): ListParams {
  if (params.has("sortBy") || params.has("sortOrder"))
    throw new ScimError(
      400,
      "invalidValue",
      "sortBy: sorting is not supported by this service provider.",
    );
  const startIndex = Math.max(1, integer(params, "startIndex") ?? 1);
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, integer(params, "count") ?? DEFAULT_PAGE_SIZE));
  const filter = params.get("filter") ?? undefined;
  return {
    filter: filter?.trim() ? filter : undefined,
    startIndex,
    count,
    attributes: params.get("attributes"),
    excludedAttributes: params.get("excludedAttributes"),
  };
}
