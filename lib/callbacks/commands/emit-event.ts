import { randomUUID } from "node:crypto";
import { parseEvent, type EventIssue } from "@/lib/callbacks/rules/parse-event";
import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/core/errors";
import { dispatchAfterCommit, type DeliveryTicket } from "../engine/dispatch-deliveries";

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
  /** Runs to start. Already sent when emitEvent ran its own transaction; with a caller's `tx`, send them after commit with `dispatchDeliveries` (else the sweeper starts them within ~10 min). */
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

async function store(tx: Tx, input: EmitEventInput, now: Date): Promise<EmitEventResult> {
  const parsed = parseEvent(
    {
      id: input.id ?? `evt_${randomUUID()}`,
      type: input.type,
      timestamp: input.timestamp,
      data: input.data,
    },
    now,
    input.tokenId ? "api" : "internal",
  );
  if (!parsed.success) throw new EventRejectedError(parsed.error.issues, parsed.error.message);
  const { event } = parsed;
  const scope = input.tokenId ? `token:${input.tokenId}` : "internal";
  const mine = { scope_scopedId: { scope, scopedId: event.id } };
  const original = async () => {
    const row = await tx.callbackEvent.findUnique({
      where: mine,
      include: { _count: { select: { deliveries: true } } },
    });
    if (!row) return null;
    const { _count, ...stored } = row;
    return { event: stored, created: false, deliveries: _count.deliveries, tickets: [] };
  };
  const repeated = await original();
  if (repeated) return repeated;
  const insert = (id: string) =>
    tx.callbackEvent.createMany({
      data: [
        {
          id,
          scope,
          scopedId: event.id,
          type: event.type,
          data: event.data as Prisma.InputJsonValue,
          source: input.source,
          occurredAt: new Date(event.timestamp),
        },
      ],
      skipDuplicates: true,
    });
  // The emitter's own id becomes the webhook-id when it is free. When another scope holds it, a
  // suffix receivers cannot confuse with any emitter's id ("~" is not allowed in ids) keeps
  // webhook-ids unique, so no receiver drops this event as a duplicate of someone else's.
  let storedId = event.id;
  if ((await insert(storedId)).count === 0) {
    const raced = await original();
    if (raced) return raced;
    storedId = `${event.id}~${randomUUID()}`;
    if ((await insert(storedId)).count === 0) return (await original())!;
  }
  const endpoints = await tx.callbackEndpoint.findMany({
    where: input.onlyEndpointId
      ? { id: input.onlyEndpointId }
      : { enabled: true, eventTypes: { has: event.type } },
    select: { id: true },
  });
  const stored = await tx.callbackEvent.findUniqueOrThrow({ where: { id: storedId } });
  if (endpoints.length === 0) return { event: stored, created: true, deliveries: 0, tickets: [] };
  // nextAttemptAt doubles as the run token (see dispatch-deliveries.ts); fresh rows all start at `now`.
  const rows = await tx.callbackDelivery.createManyAndReturn({
    data: endpoints.map((e) => ({ endpointId: e.id, eventId: storedId, nextAttemptAt: now })),
    select: { id: true, endpointId: true, nextAttemptAt: true },
  });
  const tickets = rows.map((r) => ({
    deliveryId: r.id,
    endpointId: r.endpointId,
    token: r.nextAttemptAt!.toISOString(),
  }));
  return { event: stored, created: true, deliveries: rows.length, tickets };
}

/**
 * Validates an event against the catalogue, stores it once per id and scope (a repeat by the same
 * emitter returns the original and fans out nothing; another emitter's same id is a new event), creates one delivery per enabled subscribed endpoint and starts their
 * runs. Pass `tx` to write inside a caller's transaction; then dispatch `tickets` after commit.
 * Internal emitters (sync, conflicts, notifications) call it after their own transaction commits.
 */
export async function emitEvent(input: EmitEventInput, tx?: Tx): Promise<EmitEventResult> {
  const now = new Date();
  if (tx) return store(tx, input, now);
  // Under load, wait for a pooled connection rather than refuse the event.
  const result = await db.$transaction((t) => store(t, input, now), {
    maxWait: 10_000,
    timeout: 20_000,
  });
  await dispatchAfterCommit(result.tickets);
  return result;
}
