import type { EventIssue } from "@/lib/callbacks/rules/parse-event";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/core/errors";
import type { DeliveryTicket } from "../engine/dispatch-deliveries";
import { emitEvents } from "./emit-events";

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

type Tx = Prisma.TransactionClient;

/**
 * Validates an event against the catalogue, stores it once per id and scope (a repeat by the same
 * emitter returns the original and fans out nothing; another emitter's same id is a new event),
 * creates one delivery per enabled subscribed endpoint and wakes the delivery workers — one SQL
 * statement (`emitEvents` with one event). Pass `tx` to write inside a caller's transaction; then
 * hand `tickets` to `dispatchAfterCommit` after it commits. Internal emitters (sync, conflicts,
 * notifications) call it after their own transaction commits.
 */
export async function emitEvent(input: EmitEventInput, tx?: Tx): Promise<EmitEventResult> {
  const [outcome] = await emitEvents([input], tx);
  if (outcome.status === "rejected") throw outcome.error;
  if (outcome.status === "accepted") {
    const result = {
      event: outcome.event,
      created: true,
      deliveries: outcome.deliveries,
      tickets: outcome.tickets,
    };
    return result;
  }
  const scope = input.tokenId ? `token:${input.tokenId}` : "internal";
  const row = await (tx ?? db).callbackEvent.findUniqueOrThrow({
    where: { scope_scopedId: { scope, scopedId: outcome.scopedId } },
    include: { _count: { select: { deliveries: true } } },
  });
  const { _count, ...stored } = row;
  return { event: stored, created: false, deliveries: _count.deliveries, tickets: [] };
}
