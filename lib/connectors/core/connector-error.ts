export type ConnectorErrorKind =
  "auth" | "not_found" | "conflict" | "throttled" | "invalid" | "transient";

export type ConnectorErrorInit = {
  kind: ConnectorErrorKind;
  /** Provider key (wecom, feishu, …). */
  platform: string;
  /** The platform's own code (errcode, Slack error string, HTTP status) as text. */
  code: string;
  message: string;
  /** How long the platform asked us to wait (throttling). */
  retryAfterMs?: number;
  /** The access token was rejected: refresh once and retry. */
  tokenInvalid?: boolean;
  /** HTTP status, when there was a response. */
  status?: number;
  /** For `invalid` input we received (webhooks): the dotted path of the offending field. */
  field?: string;
};

/** The one error every connector throws. `message` is safe to log; it never holds secrets. */
export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly platform: string;
  readonly code: string;
  readonly retryAfterMs?: number;
  readonly tokenInvalid: boolean;
  readonly status?: number;
  readonly field?: string;

  constructor(init: ConnectorErrorInit) {
    super(init.message);
    this.name = "ConnectorError";
    this.kind = init.kind;
    this.platform = init.platform;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.tokenInvalid = init.tokenInvalid ?? false;
    this.status = init.status;
    this.field = init.field;
  }

  /** Throttled and transient failures are worth retrying; the rest are not. */
  get retryable(): boolean {
    return this.kind === "throttled" || this.kind === "transient";
  }

  toJSON() {
    return {
      kind: this.kind,
      platform: this.platform,
      code: this.code,
      message: this.message,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

export function isConnectorError(err: unknown): err is ConnectorError {
  return err instanceof ConnectorError;
}
