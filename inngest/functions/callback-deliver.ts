import { inngest } from "../client";
import { eventSchemas } from "../events";
import { runDelivery } from "@/lib/callbacks/engine/run-delivery";

/**
 * Delivers one callback event to one endpoint (lib/callbacks/engine/run-delivery.ts): signed
 * attempts with planned retries as durable sleeps, dead letter after the last. Attempt failures
 * are outcomes, never step errors; step retries cover only our own trouble (database down).
 * At most 10 requests in flight per endpoint.
 */
export const callbackDeliver = inngest.createFunction(
  {
    id: "callback-deliver",
    name: "Deliver a data callback",
    retries: 5,
    concurrency: { limit: 10, key: "event.data.endpointId" },
    triggers: [{ event: "callback/delivery.requested" }],
  },
  async ({ event, step }) => {
    const ticket = eventSchemas["callback/delivery.requested"].parse(event.data);
    return runDelivery(ticket, {
      run: (id, fn) => step.run(id, fn) as never,
      sleepUntil: (id, at) => step.sleepUntil(id, at),
      sleep: (id, ms) => step.sleep(id, ms),
    });
  },
);
