import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { parseStrictJson } from "@/lib/core/api/rules/parse-strict-json";
import { ConnectorError } from "../../core/connector-error";
import type { HeadersInput } from "../../types";
import { hrWebhookEnvelopeSchema, type HrWebhookEnvelope } from "./hr-webhook-envelope";

export type VerifyStandardWebhookOptions = {
  /** Provider key for errors. */
  platform: string;
  /** Signing secret (`whsec_…` base64, as Standard Webhooks defines it). */
  secret: string | undefined;
};

/** The message every signature failure gets: which check failed is not the sender's business. */
export const BAD_SIGNATURE_MESSAGE = "Webhook rejected: the signature could not be verified";

function flattenHeaders(headers: HeadersInput): Record<string, string> {
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Checks webhook-id / webhook-timestamp (±5 min) / webhook-signature over the bytes received,
 * then reads them strictly: valid UTF-8, JSON without NUL, control characters, lone surrogates,
 * duplicated keys or deep nesting, then the envelope shape. A signed body that fails any of these
 * is the sender's bug, refused as `invalid` (400) naming the field; only the signature is `auth`.
 * Replay protection beyond the timestamp window (remembering webhook-ids) is the caller's.
 */
export function verifyStandardWebhook(
  headers: HeadersInput,
  body: string | Uint8Array,
  options: VerifyStandardWebhookOptions,
): HrWebhookEnvelope {
  const invalid = (code: string, message: string, field?: string) =>
    new ConnectorError({ kind: "invalid", platform: options.platform, code, message, field });
  const badSignature = () =>
    new ConnectorError({
      kind: "auth",
      platform: options.platform,
      code: "bad_signature",
      message: BAD_SIGNATURE_MESSAGE,
    });
  if (!options.secret) throw badSignature();
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  try {
    new Webhook(options.secret).verify(bytes, flattenHeaders(headers));
  } catch (err) {
    // The library parses the JSON only after the signature matched: anything else is the body's fault.
    if (err instanceof WebhookVerificationError || !(err instanceof SyntaxError))
      throw badSignature();
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw invalid("invalid_utf8", "The webhook body is not valid UTF-8", "body");
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw invalid(parsed.code, parsed.message, parsed.field || "body");
  const envelope = hrWebhookEnvelopeSchema.safeParse(parsed.value);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    throw invalid(
      "bad_payload",
      `Webhook payload invalid: ${envelope.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      first?.path.join("."),
    );
  }
  return envelope.data;
}
