import type { ClaimedDelivery, DeliveryOutcome } from "../delivery-types";

/** A claimed delivery whose endpoint is off: it waits, unsent, until the endpoint is enabled again. */
export function parkOutcome(delivery: ClaimedDelivery): DeliveryOutcome {
  return {
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    leaseToken: delivery.leaseToken,
    status: "PENDING",
    nextAttemptAt: null,
    completedAt: null,
    attempt: null,
    streak: null,
    disable: null,
    result: { action: "stop", reason: "endpoint_disabled" },
  };
}
