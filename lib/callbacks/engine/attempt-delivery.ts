import type { AttemptResult, DeliveryOutcome } from "../delivery-types";
import type { Resolver } from "./ssrf-guard";
import { db } from "@/lib/core/db";
import { envSection } from "@/lib/core/env";
import { claimDeliveryByTicket } from "./claim-deliveries";
import { deliverClaimed } from "./deliver-claimed";
import { recordOutcomes } from "./record-outcomes";

export type { AttemptResult } from "../delivery-types";

/** Seams for tests and the bench; production uses the defaults. */
export type AttemptDeps = {
  /** DNS for the send-time SSRF check. */
  resolve?: Resolver;
  /** Clock for signing, planning, leases and failure windows. */
  now?: () => Date;
  /** Jitter source for the retry schedule. */
  random?: () => number;
  /** Multiplies every planned wait (tests: 0.001 turns 5 s into 5 ms). Default ORGBRIDGE_CALLBACK_TIME_SCALE (1). */
  timeScale?: number;
  /** Whole-exchange timeout of one POST. Default 15 s. */
  timeoutMs?: number;
};

export const timeScaleOf = (deps: AttemptDeps) =>
  deps.timeScale ?? envSection("callbacks").ORGBRIDGE_CALLBACK_TIME_SCALE;

/**
 * One attempt of one delivery by its ticket, through the worker's own parts (claim under a
 * lease, rate-limit slot, sign, safeFetch, decide, bulk write) — for tests and tools that drive
 * a single delivery; the delivery worker is what sends in production. A stale ticket, a
 * finished delivery or one a worker holds is left alone; at the rate limit nothing is sent and
 * the ticket stays valid (`wait`).
 */
export async function attemptDelivery(
  options: { deliveryId: string; token: string },
  deps: AttemptDeps = {},
): Promise<AttemptResult> {
  const clock = deps.now ?? (() => new Date());
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const claimed = await claimDeliveryByTicket({
    deliveryId: options.deliveryId,
    token: options.token,
    leaseMs: timeoutMs + 60_000,
    now: clock(),
  });
  if (!claimed) {
    const row = await db.callbackDelivery.findUnique({
      where: { id: options.deliveryId },
      select: { status: true },
    });
    if (!row) return { action: "stop", reason: "not_found" };
    if (row.status === "SUCCEEDED" || row.status === "DEAD")
      return { action: "stop", reason: "finished" };
    return { action: "stop", reason: "superseded" };
  }
  const outcomes: DeliveryOutcome[] = [];
  await deliverClaimed(
    [claimed],
    {
      clock,
      random: deps.random,
      timeScale: timeScaleOf(deps),
      timeoutMs,
      resolve: deps.resolve,
      rateHorizonMs: 0,
      keepDueOnRelease: true,
    },
    (o) => outcomes.push(o),
  );
  const [written] = await recordOutcomes(outcomes);
  return written ? written.result : { action: "stop", reason: "superseded" };
}
