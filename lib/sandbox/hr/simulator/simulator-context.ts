import { randomUUID } from "node:crypto";
import type { SandboxDb } from "../../shared/create-sandbox-db";
import {
  emitHrWebhook,
  type DeliveryResult,
  type EmitHrWebhookOptions,
  type HrWebhookPayload,
  type HrWebhookTarget,
} from "../emit-hr-webhook";

export type SimulatorContext = {
  db: SandboxDb;
  /** Where to push signed change events; none = changes are only visible to polling. */
  webhook?: HrWebhookTarget;
  /** Delivery tuning (tests use short delays). */
  delivery?: EmitHrWebhookOptions;
};

/** What every simulator call returns: the record after the change, and the webhook delivery in flight. */
export type SimulationResult<T> = {
  record: T;
  event: HrWebhookPayload;
  /** Resolves when delivery finished (or was skipped); never rejects. */
  delivery: Promise<DeliveryResult | undefined>;
};

export function emitChange<T extends object>(
  ctx: SimulatorContext,
  type: HrWebhookPayload["type"],
  record: T,
): SimulationResult<T> {
  const event: HrWebhookPayload = {
    type,
    id: `evt_${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    data: record as Record<string, unknown>,
  };
  const delivery = ctx.webhook
    ? emitHrWebhook(ctx.webhook, event, ctx.delivery).catch(() => undefined)
    : Promise.resolve(undefined);
  return { record, event, delivery };
}

export class SimulationError extends Error {
  constructor(
    readonly code: "not_found" | "invalid" | "conflict",
    message: string,
  ) {
    super(message);
  }
}
