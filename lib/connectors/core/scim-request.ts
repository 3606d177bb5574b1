import { callPlatform, type PlatformCallContext } from "./call-platform";
import { ConnectorError } from "./connector-error";
import {
  httpRequest,
  joinUrl,
  kindForStatus,
  parseRetryAfter,
  type HttpRequestOptions,
} from "./http-request";

export type ScimRequestOptions = Pick<
  HttpRequestOptions,
  "method" | "query" | "json" | "fetch" | "timeoutMs"
> & {
  baseUrl: string;
  path: string;
  /** Bearer token. */
  token: string;
};

/** SCIM 2.0 errors are `{status, scimType, detail}`; Slack's flavour is `{Errors: {code, description}}`. */
function scimErrorDetail(body: unknown): { scimType?: string; detail?: string } {
  const b = body as
    | {
        scimType?: string;
        detail?: string;
        Errors?: { description?: string } | { description?: string }[];
      }
    | undefined;
  const slack = Array.isArray(b?.Errors) ? b?.Errors[0] : b?.Errors;
  return { scimType: b?.scimType, detail: b?.detail ?? slack?.description };
}

/** One SCIM call through the shared policy (limit, retry on 429/5xx). Returns the parsed body; 404 → not_found. */
export function scimRequest<T>(
  platform: string,
  ctx: PlatformCallContext,
  options: ScimRequestOptions,
): Promise<T> {
  return callPlatform(ctx, async () => {
    const res = await httpRequest(platform, {
      method: options.method,
      url: joinUrl(options.baseUrl, options.path),
      query: options.query,
      json: options.json,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(options.json !== undefined ? { "content-type": "application/scim+json" } : {}),
      },
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    const kind = kindForStatus(res.status);
    if (!kind) return res.body as T;
    const { scimType, detail } = scimErrorDetail(res.body);
    throw new ConnectorError({
      // 409 scimType "uniqueness" = duplicate userName/email.
      kind: scimType === "uniqueness" ? "conflict" : kind,
      platform,
      code: scimType ? `${res.status}/${scimType}` : String(res.status),
      message: `${options.method} ${options.path}: ${detail ?? `HTTP ${res.status}`}`,
      status: res.status,
      retryAfterMs: parseRetryAfter(res.headers),
    });
  });
}

export type ScimListResponse<T> = {
  totalResults: number;
  itemsPerPage?: number;
  startIndex?: number;
  Resources?: T[];
};

/** Walks a SCIM list with 1-based startIndex/count to the end. */
export async function* scimList<T>(
  fetchPage: (startIndex: number, count: number) => Promise<ScimListResponse<T>>,
  count: number,
  startIndex = 1,
): AsyncIterable<T> {
  for (let index = startIndex; ;) {
    const page = await fetchPage(index, count);
    const items = page.Resources ?? [];
    yield* items;
    index += items.length;
    if (items.length === 0 || index > page.totalResults) return;
  }
}
