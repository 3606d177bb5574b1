import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryTicket } from "../engine/dispatch-deliveries";
import { emitEvents } from "./emit-events";
import {
  EventRejectedError,
  type EmitEventInput,
  type EmitEventResult,
  type StoredCallbackEvent,
} from "../event-intake-types";

export { EventRejectedError, type EmitEventInput, type EmitEventResult, type StoredCallbackEvent };

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
