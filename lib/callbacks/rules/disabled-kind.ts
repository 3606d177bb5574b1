import type { DisabledKind } from "../callback-console-schemas";

// Shared with client components: type imports only.

/** The stored `CallbackEndpoint.disabledKind` values (the Prisma enum, spelled out: rules import no database types). */
export type CallbackEndpointDisabledKind = "MANUAL" | "GONE_410" | "AUTO_FAILING";

const SHOWN_AS: Record<CallbackEndpointDisabledKind, DisabledKind> = {
  MANUAL: "manual",
  GONE_410: "gone",
  AUTO_FAILING: "auto",
};

/**
 * Why an endpoint is off, from the kind recorded when it was switched off: by an admin, because the
 * receiver answered 410 Gone, or by the engine after failing continuously. A disabled row without a
 * kind was written outside the commands (a fixture, a manual SQL fix) and counts as switched off by hand.
 */
export function disabledKind(endpoint: {
  enabled: boolean;
  disabledKind: CallbackEndpointDisabledKind | null;
}): DisabledKind | null {
  if (endpoint.enabled) return null;
  return endpoint.disabledKind ? SHOWN_AS[endpoint.disabledKind] : "manual";
}
