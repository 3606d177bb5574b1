import { systemClock, type Clock } from "./clock";

export type IssuedToken = { token: string; expiresInSeconds: number };

export type TokenCacheOptions = {
  /** Fetches a fresh token from the platform (already rate-limited and retried by the caller). */
  fetch: () => Promise<IssuedToken>;
  /** Refresh this long before expiry; default min(5 min, 10% of the lifetime). */
  refreshBeforeMs?: number;
  clock?: Clock;
};

export interface TokenCache {
  /** A token valid for a while yet; concurrent callers share one refresh. */
  get(): Promise<string>;
  /** Drops `token` if it is still the cached one (the platform said it is invalid). */
  invalidate(token?: string): void;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const clock = options.clock ?? systemClock;
  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    const issued = await options.fetch();
    const lifetimeMs = issued.expiresInSeconds * 1_000;
    const early = options.refreshBeforeMs ?? Math.min(300_000, lifetimeMs / 10);
    cached = { token: issued.token, refreshAt: clock.now() + lifetimeMs - early };
    return issued.token;
  }

  return {
    get() {
      if (cached && clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      inflight ??= refresh().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate(token) {
      if (!token || cached?.token === token) cached = undefined;
    },
  };
}
