import { randomBytes } from "node:crypto";
import { sendEvent } from "@/inngest/client";
import { eventSchemas } from "@/inngest/events";
import { ConnectorError, type HeadersInput, type HrChangeEvent } from "@/lib/connectors";
import { openHrSource } from "@/lib/connections/engine/open-connection";
import {
  BAD_SIGNATURE_MESSAGE,
  verifyStandardWebhook,
} from "@/lib/connectors/hr/webhook/verify-standard-webhook";

/** Bodies larger than this are refused before any parsing (an HR record is a few KB). */
export const MAX_HR_WEBHOOK_BYTES = 256 * 1024;

// A throw-away key per process: the unknown-source path verifies against it so that it costs
// about what a real check costs.
const UNKNOWN_SOURCE_SECRET = `whsec_${randomBytes(24).toString("base64")}`;

export type HrWebhookResponse = {
  status: number;
  body: {
    accepted: boolean;
    eventId?: string;
    error?: { code: string; message: string; field?: string };
  };
};

const refuse = (
  status: number,
  code: string,
  message: string,
  field?: string,
): HrWebhookResponse => ({
  status,
  body: { accepted: false, error: field ? { code, message, field } : { code, message } },
});

/** Unknown connection, no secret, wrong or stale signature: one answer, so none of them can be told apart. */
const badSignature = () => refuse(401, "bad_signature", BAD_SIGNATURE_MESSAGE);

/** The record checked against the event's schema: a 400 naming the field, or the send to run. */
function checked<T>(
  parsed:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
  send: (data: T) => Promise<unknown>,
): { refused: HrWebhookResponse } | { run: () => Promise<unknown> } {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      refused: refuse(
        400,
        "bad_record",
        `data.${issue.path.slice(1).map(String).join(".")}: ${issue.message}`,
        `data.${issue.path.slice(1).map(String).join(".")}`,
      ),
    };
  }
  return { run: () => send(parsed.data) };
}

export type ReceiveHrWebhookOptions = {
  /** The HR_SOURCE connection named in the URL. */
  connectionId: string;
  headers: HeadersInput;
  /** The raw body, exactly as received (the signature covers these bytes). */
  body: string | Uint8Array;
};

/**
 * Takes one change pushed by an HR source: the connection's connector checks the Standard Webhooks
 * signature and timestamp, then validates the body strictly (UTF-8, JSON text, the record's fields
 * before any default is filled in) and normalises the record; the change is then handed to the
 * `hr-incremental-sync` function as an event whose id is derived from the webhook-id, so a
 * redelivery is dropped there. Nothing is stored before the signature and the record check out.
 * 202 accepted · 400 malformed, naming the field · 401 unsigned, badly signed or no such HR
 * source (the same answer, so a caller cannot probe for connection ids) · 413 too large ·
 * 503 the job queue is unreachable (the source should retry).
 */
export async function receiveHrWebhook(
  options: ReceiveHrWebhookOptions,
): Promise<HrWebhookResponse> {
  const size =
    typeof options.body === "string" ? Buffer.byteLength(options.body) : options.body.byteLength;
  if (size > MAX_HR_WEBHOOK_BYTES)
    return refuse(413, "too_large", `Body over ${MAX_HR_WEBHOOK_BYTES} bytes`);
  let source;
  try {
    source = (await openHrSource(options.connectionId)).source;
  } catch {
    // Do the same signature work as for a real source, then give the same answer.
    try {
      verifyStandardWebhook(options.headers, options.body, {
        platform: "unknown",
        secret: UNKNOWN_SOURCE_SECRET,
      });
    } catch {
      // expected: nothing can verify against a secret nobody has
    }
    return badSignature();
  }
  let change: HrChangeEvent;
  try {
    change = source.verifyWebhook(options.headers, options.body);
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === "auth") return badSignature();
    if (err instanceof ConnectorError) return refuse(400, err.code, err.message, err.field);
    return refuse(400, "malformed", "The webhook could not be read");
  }
  const common = {
    hrConnectionId: options.connectionId,
    webhookId: change.id,
    occurredAt: change.occurredAt,
    record: change.data,
  };
  const eventId = `hr-webhook:${options.connectionId}:${change.id}`;
  const send =
    change.type === "employee.changed"
      ? checked(eventSchemas["hr/employee.changed"].safeParse(common), (data) =>
          sendEvent("hr/employee.changed", data, eventId),
        )
      : checked(eventSchemas["hr/org-unit.changed"].safeParse(common), (data) =>
          sendEvent("hr/org-unit.changed", data, eventId),
        );
  if ("refused" in send) return send.refused;
  try {
    await send.run();
  } catch (err) {
    console.error("[hr-webhook] could not enqueue", (err as Error).message);
    return refuse(503, "queue_unavailable", "The change could not be queued; retry later");
  }
  return { status: 202, body: { accepted: true, eventId } };
}
