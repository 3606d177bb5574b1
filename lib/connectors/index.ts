// Public surface of the connectors library: what the sync engine, notify and the console import.
export type * from "./types";
export { ConnectorError, isConnectorError, type ConnectorErrorKind } from "./core/connector-error";
export type { ConnectorRuntimeOptions } from "./core/runtime-options";
export {
  createRateLimiter,
  rateLimitSchema,
  unlimited,
  type RateLimiter,
  type RateLimitConfig,
} from "./core/rate-limiter";
export { withRetry, type RetryOptions } from "./core/retry";
export { collect } from "./core/collect";
export type { FieldMeta } from "./core/field-meta";
export {
  createHrSource,
  createImTarget,
  hrProviders,
  imProviders,
  isHrProvider,
  isImProvider,
  providerFormSchemas,
  type HrProvider,
  type ImProvider,
} from "./registry";
export { SANDBOX_HR_DEFAULTS, SANDBOX_IM_DEFAULTS } from "./sandbox-defaults";
export { hrWebhookEnvelopeSchema, type HrWebhookEnvelope } from "./hr/webhook/hr-webhook-envelope";
