import { lookup } from "node:dns/promises";
import type { ResolvedAddress, Resolver } from "./ssrf-guard";

/**
 * System DNS with a short positive cache, so a busy worker does not ask the resolver once per
 * POST. Every answer is still checked by the SSRF guard on every send; failures are not cached.
 */
export function cacheResolver(ttlMs = 5_000): Resolver {
  const cache = new Map<string, { at: number; addresses: ResolvedAddress[] }>();
  return async (hostname) => {
    const hit = cache.get(hostname);
    if (hit && Date.now() - hit.at < ttlMs) return hit.addresses;
    const addresses = await lookup(hostname, { all: true, verbatim: true });
    if (cache.size > 10_000) cache.clear();
    cache.set(hostname, { at: Date.now(), addresses });
    return addresses;
  };
}
