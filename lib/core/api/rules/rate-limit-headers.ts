/**
 * The RateLimit-* headers of the IETF draft (draft-ietf-httpapi-ratelimit-headers): the limit,
 * what is left of it, and seconds until it resets; a refused call adds Retry-After.
 */
export function rateLimitHeaders(state: {
  limit: number;
  remaining: number;
  resetSeconds: number;
  allowed: boolean;
}): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    ...(state.allowed ? {} : { "retry-after": String(state.resetSeconds) }),
  };
}
