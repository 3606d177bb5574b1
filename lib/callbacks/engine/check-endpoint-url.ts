import { checkUrl, type Resolver, type UrlApproval } from "@/lib/callbacks/engine/ssrf-guard";
import { invalid } from "@/lib/core/errors";
import { getCallbackNetworkPolicy } from "../commands/allow-list";
import type { CallbackNetworkPolicy } from "../network-policy-schema";

/** Seams for tests: a DNS resolver (checkUrl's `resolve`). */
export type EndpointDeps = {
  /** Resolves host names; default node:dns lookup (all addresses). */
  resolve?: Resolver;
};

/**
 * The SSRF guard at save time: real DNS resolution, the admin allow-list and http:// switch,
 * and the endpoint's allowPrivate. A refusal is an error on `url` saying why.
 */
export async function checkEndpointUrl(
  url: string,
  allowPrivate: boolean,
  deps: EndpointDeps & { policy?: CallbackNetworkPolicy } = {},
): Promise<UrlApproval> {
  const policy = deps.policy ?? (await getCallbackNetworkPolicy());
  const verdict = await checkUrl(url, { ...policy, allowPrivate, resolve: deps.resolve });
  if (verdict.ok) return verdict;
  const hint =
    verdict.reason === "scheme_not_allowed" && !policy.allowHttp
      ? " (plain http:// is off in the callback network policy)"
      : ["loopback", "private", "cgnat", "unique_local", "link_local"].includes(verdict.reason)
        ? " (an IT admin can add the host or address to the callback allow-list" +
          (["private", "cgnat", "unique_local"].includes(verdict.reason)
            ? ", or allow private networks for this endpoint)"
            : ")")
        : "";
  throw invalid("url", `URL refused: ${verdict.message}${hint}.`);
}
