import { Webhook } from "standardwebhooks";

/** Reserved by Standard Webhooks or HTTP itself; an endpoint's custom headers may not set them. */
const RESERVED = new Set([
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "content-type",
  "content-length",
  "host",
]);

export type SignCallbackOptions = {
  /** Message id, stable across retries of one event to one endpoint (receivers dedupe on it). */
  id: string;
  /** Event type, e.g. "learning.exam.passed". */
  type: string;
  /** When the event happened (goes into the body). */
  timestamp: Date | string;
  /** The event's data. */
  data: unknown;
  /** The endpoint's current secret (`whsec_…`). */
  secret: string;
  /** The secret being rotated out; signed with too while `previousSecretExpiresAt` is in the future. */
  previousSecret?: string | null;
  /** End of the rotation overlap; null/undefined with a previous secret = keep signing with it. */
  previousSecretExpiresAt?: Date | null;
  /** Endpoint's extra headers (e.g. a receiver's API key); reserved names are ignored. */
  headers?: Record<string, string>;
  /** Send time: webhook-timestamp, and whether the rotation overlap is still open. Default now. */
  now?: Date;
};

/** What safe-fetch POSTs. */
export type SignedCallback = {
  /** Exact body bytes that were signed; send as is. */
  body: string;
  /** webhook-id, webhook-timestamp, webhook-signature, content-type, user-agent and custom ones. */
  headers: Record<string, string>;
};

/**
 * Sign one callback the Standard Webhooks way (HMAC-SHA256 over `id.timestamp.body`) with the
 * `standardwebhooks` library. During a secret rotation both signatures go out, space-separated,
 * so a receiver holding either secret verifies. Re-sign on every attempt: the timestamp is
 * the send time and receivers reject stale ones.
 */
export function signCallback(options: SignCallbackOptions): SignedCallback {
  const now = options.now ?? new Date();
  const timestamp =
    options.timestamp instanceof Date ? options.timestamp.toISOString() : options.timestamp;
  const body = JSON.stringify({ type: options.type, timestamp, data: options.data });
  const secrets = [options.secret];
  const expires = options.previousSecretExpiresAt;
  if (options.previousSecret && (!expires || expires.getTime() > now.getTime()))
    secrets.push(options.previousSecret);
  const signature = secrets.map((s) => new Webhook(s).sign(options.id, now, body)).join(" ");

  const headers: Record<string, string> = { "user-agent": "OrgBridge-Webhooks/1.0" };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!RESERVED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  return {
    body,
    headers: {
      ...headers,
      "content-type": "application/json",
      "webhook-id": options.id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
  };
}
