import { systemClock, type Clock } from "./clock";
import { ConnectorError } from "./connector-error";
import type { RateLimiter } from "./rate-limiter";
import { withRetry, type RetryOptions } from "./retry";
import type { TokenCache } from "./token-cache";

export type PlatformCallContext = {
  limiter: RateLimiter;
  retry?: RetryOptions;
  /** Access-token cache; absent for static credentials. */
  tokens?: TokenCache;
  clock?: Clock;
};

/**
 * The policy every platform call goes through: wait for the rate limiter, send, and
 * - on "token invalid/expired": drop the token, fetch a new one, and try once more;
 * - on throttled/transient: back off (honouring Retry-After, pausing the whole connection) and retry.
 */
export function callPlatform<T>(
  ctx: PlatformCallContext,
  send: (token: string | undefined) => Promise<T>,
): Promise<T> {
  const clock = ctx.clock ?? ctx.retry?.clock ?? systemClock;
  return withRetry(
    async () => {
      let token = ctx.tokens ? await ctx.tokens.get() : undefined;
      await ctx.limiter.acquire();
      try {
        return await send(token);
      } catch (err) {
        if (!(err instanceof ConnectorError) || !err.tokenInvalid || !ctx.tokens) throw err;
        ctx.tokens.invalidate(token);
        token = await ctx.tokens.get();
        await ctx.limiter.acquire();
        return await send(token);
      }
    },
    {
      ...ctx.retry,
      clock,
      onRetry: (info) => {
        if (info.error.kind === "throttled") ctx.limiter.pauseUntil(clock.now() + info.delayMs);
        ctx.retry?.onRetry?.(info);
      },
    },
  );
}
