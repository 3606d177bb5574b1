import type { Clock } from "./clock";
import type { RateLimiter } from "./rate-limiter";
import type { RetryOptions } from "./retry";

/** Process-level plumbing a connector can be given; none of it is user configuration. */
export type ConnectorRuntimeOptions = {
  /** fetch implementation (tests, proxies). */
  fetch?: typeof fetch;
  /** Time source for waits (tests pass a fake clock). */
  clock?: Clock;
  /** Overrides the retry policy. */
  retry?: RetryOptions;
  /** Shares one limiter between connector instances of the same connection. */
  limiter?: RateLimiter;
  /** Page size for listings (tests use small pages to exercise paging). */
  pageSize?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
};
