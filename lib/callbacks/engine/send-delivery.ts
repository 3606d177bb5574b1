import type { ClaimedDelivery, SentAttempt } from "../delivery-types";
import type { AttemptOutcome } from "../rules/classify-attempt";
import { maskHeaders } from "../rules/mask-headers";
import { signCallback } from "../rules/sign-callback";
import type { CallbackNetworkPolicy } from "../network-policy-schema";
import type { Resolver } from "./ssrf-guard";
import type { CallbackAgents } from "./callback-agents";
import type { EndpointSecrets } from "./load-endpoint-secrets";
import { safeFetch, type SafeFetchFailure, type SafeFetchResponse } from "./safe-fetch";

function outcomeOf(result: SafeFetchResponse | SafeFetchFailure): AttemptOutcome {
  if (result.ok) return { kind: "response", status: result.status, headers: result.headers };
  if (result.error.kind === "blocked")
    return { kind: "blocked", reason: result.error.refusal?.reason ?? "blocked" };
  return { kind: "network", error: result.error.kind };
}

function errorText(result: SafeFetchResponse | SafeFetchFailure): string | null {
  if (!result.ok) return `${result.error.kind}: ${result.error.message}`;
  if (result.status >= 300 && result.status < 400) {
    const to = result.headers.location ? ` to ${result.headers.location}` : "";
    const refused = result.redirectRefusal
      ? ` (target refused: ${result.redirectRefusal.message})`
      : "";
    return `redirect ${result.status}${to} not followed${refused}`;
  }
  if (result.bodyTruncated && (result.status < 200 || result.status >= 300))
    return `HTTP ${result.status} (response body cut to the first 4 KB)`;
  if (result.status < 200 || result.status >= 300) return `HTTP ${result.status}`;
  return null;
}

export type SendDeliveryOptions = {
  delivery: ClaimedDelivery;
  endpoint: EndpointSecrets;
  policy: CallbackNetworkPolicy;
  /** Keep-alive pools; none = a fresh connection per POST. */
  agents?: CallbackAgents;
  /** DNS for the send-time SSRF check (default: system DNS). */
  resolve?: Resolver;
  /** Whole-exchange limit. */
  timeoutMs: number;
  clock: () => Date;
};

/**
 * One attempt's POST: signed afresh (webhook-id = event id, webhook-timestamp = now, both
 * signatures during a rotation overlap), sent through safeFetch (send-time SSRF check, pinned
 * address, no redirects, 4 KB excerpt), and described for the attempt log with masked headers.
 */
export async function sendDelivery(options: SendDeliveryOptions): Promise<SentAttempt> {
  const { delivery, endpoint, policy, clock } = options;
  const signed = signCallback({
    id: delivery.eventId,
    type: delivery.event.type,
    timestamp: delivery.event.occurredAt,
    data: delivery.event.data,
    secret: endpoint.secret,
    previousSecret: endpoint.previousSecret,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
    headers: endpoint.headers,
    now: clock(),
  });
  const result = await safeFetch({
    url: endpoint.url,
    body: signed.body,
    headers: signed.headers,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: 4096,
    maxRedirects: 0,
    agents: options.agents,
    guard: { ...policy, allowPrivate: endpoint.allowPrivate, resolve: options.resolve },
  });
  return {
    outcome: outcomeOf(result),
    statusCode: result.ok ? result.status : (result.error.status ?? null),
    requestHeaders: maskHeaders(signed.headers, { secretHeaders: Object.keys(endpoint.headers) }),
    responseHeaders: result.ok ? result.headers : null,
    responseExcerpt: result.ok ? result.bodyExcerpt : null,
    error: errorText(result),
    latencyMs: result.latencyMs,
    finishedAt: clock(),
  };
}
