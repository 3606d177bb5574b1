import type { ClaimedDelivery, DeliveryOutcome } from "../delivery-types";

/** Hands a claimed delivery back unsent, due at `dueAt`, expecting a free slot in `waitMs` (rate limit, or too little lease left to send). */
export function releaseOutcome(
  delivery: ClaimedDelivery,
  dueAt: Date,
  waitMs: number,
): DeliveryOutcome {
  return {
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    leaseToken: delivery.leaseToken,
    status: delivery.status,
    nextAttemptAt: dueAt,
    completedAt: null,
    attempt: null,
    streak: null,
    disable: null,
    result: { action: "wait", ms: Math.max(0, Math.ceil(waitMs)), reason: "rate_limited" },
  };
}
