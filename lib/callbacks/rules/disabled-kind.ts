import type { DisabledKind } from "../callback-console-schemas";

// Shared with client components: no database imports here.

/**
 * Why an endpoint is off, from its `disabledReason`: switched off by an admin ("manual", or
 * created disabled), because the receiver answered 410 Gone, or by the engine after failing
 * continuously ("auto", any other reason it writes).
 */
export function disabledKind(endpoint: {
  enabled: boolean;
  disabledReason: string | null;
}): DisabledKind | null {
  if (endpoint.enabled) return null;
  const reason = endpoint.disabledReason?.trim().toLowerCase() ?? "";
  if (reason === "" || reason === "manual") return "manual";
  if (/\b410\b|\bgone\b/.test(reason)) return "gone";
  return "auto";
}
