import { attemptDelivery, type AttemptDeps, type AttemptResult } from "./attempt-delivery";
import type { DeliveryTicket } from "./dispatch-deliveries";

/** The parts of Inngest's `step` a delivery run uses (the function passes the real one). */
export type DeliverySteps = {
  run: <T>(id: string, fn: () => Promise<T>) => Promise<T>;
  sleepUntil: (id: string, at: Date) => Promise<unknown>;
  sleep: (id: string, ms: number) => Promise<unknown>;
};

/** Bounds a run even if pacing kept it waiting: it ends and the sweeper gives the delivery a new one. */
const MAX_STEPS = 400;

/**
 * One delivery, start to finish, as durable steps: attempt, then sleep until the planned retry
 * time (429/503 Retry-After included) and attempt again, until it succeeds, is dead-lettered,
 * disables the endpoint, parks on a disabled endpoint, or a newer run supersedes this one.
 */
export async function runDelivery(
  ticket: DeliveryTicket,
  steps: DeliverySteps,
  deps: AttemptDeps = {},
): Promise<AttemptResult> {
  let token = ticket.token;
  let runAttempt = 1;
  for (let i = 0; i < MAX_STEPS; i++) {
    const currentToken = token;
    const currentAttempt = runAttempt;
    const result = await steps.run(`attempt-${i}`, () =>
      attemptDelivery(
        { deliveryId: ticket.deliveryId, token: currentToken, runAttempt: currentAttempt },
        deps,
      ),
    );
    if (result.action === "wait") {
      await steps.sleep(`pace-${i}`, result.ms);
      continue;
    }
    if (result.action !== "retry") return result;
    await steps.sleepUntil(`retry-${i}`, new Date(result.at));
    token = result.token;
    runAttempt++;
  }
  return { action: "stop", reason: "superseded" };
}
