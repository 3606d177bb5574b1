import type { EventIssue } from "@/lib/callbacks/rules/parse-event";
import { AppError } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryTicket } from "./engine/dispatch-deliveries";

// Shapes of event intake, shared by emitEvent and emitEvents.

export type EmitEventInput = {
  /** Stable id; a repeat within the same scope returns the stored original. Generated when absent. */
  id?: string;
  /**
   * Whose id space `id` belongs to: the API token's id for /api/v1/events, absent for OrgBridge's
   * own emitters. Two callers using the same id get two events; neither sees the other's.
   */
  tokenId?: string;
  /** A catalogue type, e.g. "learning.exam.passed". */
  type: string;
  /** When it happened (ISO 8601 with offset); default now. */
  timestamp?: string;
  /** The type's payload, validated against the catalogue schema. */
  data: unknown;
  /** Who emitted it: "api:<token name>", "sync", "conflicts", "notifications", "console:test". */
  source: string;
  /** Deliver only to this endpoint, subscribed or not (test events). */
  onlyEndpointId?: string;
};

export type StoredCallbackEvent = {
  /** Globally unique, the webhook-id receivers dedupe on. */
  id: string;
  /** The emitter's own id (equal to `id` unless another scope already held that id). */
  scopedId: string;
  scope: string;
  type: string;
  data: Prisma.JsonValue;
  source: string;
  occurredAt: Date;
  createdAt: Date;
};

export type EmitEventResult = {
  event: StoredCallbackEvent;
  /** False when the id was already stored: nothing new was written or sent. */
  created: boolean;
  /** Deliveries of this event (new ones when created, the existing ones otherwise). */
  deliveries: number;
  /** The new deliveries. Without `tx` the workers were already woken; with a caller's `tx`, hand them to `dispatchAfterCommit` after commit. */
  tickets: DeliveryTicket[];
};

/** An event that failed the catalogue: 422, every issue naming its field ("data.score"). Nothing was stored. */
export class EventRejectedError extends AppError {
  constructor(
    readonly issues: EventIssue[],
    message: string,
  ) {
    super(422, "invalid_event", message, issues[0]?.path || undefined);
    this.name = "EventRejectedError";
  }
}
