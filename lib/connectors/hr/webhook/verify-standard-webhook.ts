import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { ConnectorError } from "../../core/connector-error";
import type { HeadersInput } from "../../types";
import { hrWebhookEnvelopeSchema, type HrWebhookEnvelope } from "./hr-webhook-envelope";

export type VerifyStandardWebhookOptions = {
  /** Provider key for errors. */
  platform: string;
  /** Signing secret (`whsec_…` base64, as Standard Webhooks defines it). */
  secret: string | undefined;
};

function flattenHeaders(headers: HeadersInput): Record<string, string> {
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}

/**
 * Checks webhook-id / webhook-timestamp (±5 min) / webhook-signature, then the envelope shape.
 * Replay protection beyond the timestamp window (remembering webhook-ids) is the caller's: it needs storage.
 */
export function verifyStandardWebhook(
  headers: HeadersInput,
  body: string,
  options: VerifyStandardWebhookOptions,
): HrWebhookEnvelope {
  if (!options.secret)
    throw new ConnectorError({
      kind: "auth",
      platform: options.platform,
      code: "no_secret",
      message: "No webhook signing secret is configured for this HR source",
    });
  let payload: unknown;
  try {
    payload = new Webhook(options.secret).verify(body, flattenHeaders(headers));
  } catch (err) {
    const reason = err instanceof WebhookVerificationError ? err.message : "malformed webhook";
    throw new ConnectorError({
      kind: "auth",
      platform: options.platform,
      code: "bad_signature",
      message: `Webhook rejected: ${reason}`,
    });
  }
  const parsed = hrWebhookEnvelopeSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ConnectorError({
      kind: "invalid",
      platform: options.platform,
      code: "bad_payload",
      message: `Webhook payload invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    });
  }
  return parsed.data;
}
