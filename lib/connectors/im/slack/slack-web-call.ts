import { ErrorCode, type WebClient } from "@slack/web-api";
import { callPlatform, type PlatformCallContext } from "../../core/call-platform";
import { ConnectorError, type ConnectorErrorKind } from "../../core/connector-error";

const KIND_BY_ERROR: Record<string, ConnectorErrorKind> = {
  not_authed: "auth",
  invalid_auth: "auth",
  account_inactive: "auth",
  token_revoked: "auth",
  token_expired: "auth",
  missing_scope: "auth",
  not_allowed_token_type: "auth",
  channel_not_found: "not_found",
  user_not_found: "not_found",
  users_not_found: "not_found",
  name_taken: "conflict",
  already_in_channel: "conflict",
  ratelimited: "throttled",
  internal_error: "transient",
  fatal_error: "transient",
  service_unavailable: "transient",
  request_timeout: "transient",
};

/** Slack errors arrive as HTTP 200 `{ok: false, error}`: the SDK throws them; we translate to ConnectorError. */
export function toSlackError(err: unknown, method: string): ConnectorError {
  const e = err as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
    message?: string;
  };
  if (e.code === ErrorCode.RateLimitedError) {
    return new ConnectorError({
      kind: "throttled",
      platform: "slack",
      code: "ratelimited",
      message: `${method}: rate limited`,
      retryAfterMs: (e.retryAfter ?? 1) * 1_000,
      status: 429,
    });
  }
  if (e.code === ErrorCode.PlatformError) {
    const error = e.data?.error ?? "unknown_error";
    return new ConnectorError({
      kind: KIND_BY_ERROR[error] ?? "invalid",
      platform: "slack",
      code: error,
      message: `${method}: ${error}`,
    });
  }
  if (e.code === ErrorCode.HTTPError) {
    return new ConnectorError({
      kind: (e.statusCode ?? 500) >= 500 ? "transient" : "invalid",
      platform: "slack",
      code: String(e.statusCode),
      message: `${method}: HTTP ${e.statusCode}`,
      status: e.statusCode,
    });
  }
  return new ConnectorError({
    kind: "transient",
    platform: "slack",
    code: "request_error",
    message: `${method}: ${e.message ?? "request failed"}`,
  });
}

/** Calls a Web API method through our limiter and retry (the SDK's own retries are off, so there is one policy). */
export function slackWebCall<T>(
  ctx: PlatformCallContext,
  client: WebClient,
  method: string,
  args: Record<string, unknown>,
): Promise<T> {
  return callPlatform(ctx, async () => {
    try {
      return (await client.apiCall(method, args)) as T;
    } catch (err) {
      throw toSlackError(err, method);
    }
  });
}
