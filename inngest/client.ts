import { Inngest } from "inngest";
import { eventSchemas, type EventData, type EventName } from "./events";

// Configured only by environment: INNGEST_BASE_URL / INNGEST_SIGNING_KEY /
// INNGEST_EVENT_KEY point it at the embedded executor, self-hosted Inngest or
// Inngest Cloud. The code is the same in all three.
//
// Checkpointing: the SDK runs a function's steps in one request and reports finished steps to
// the engine as it goes. Reporting after every step costs an HTTP round trip (HMAC, JSON) per
// step, the largest share of a short run's cost; buffering reports up to 10 steps at once, and at
// least every 250 ms, so a three-step run is one request and one answer. What a crash of the app
// can lose is the same in kind as per-step reporting (finished steps whose results had not been
// reported run again: steps are at-least-once), bounded to 250 ms of work instead of one step.
// A failing step still reports the steps before it first. bench/executor.ts measures both.
export const checkpointing = { bufferedSteps: 10, maxInterval: "250ms" } as const;
export const inngest = new Inngest({ id: "orgbridge", checkpointing });

/** Sends one typed event after validating its data; `id` makes retries of the same send harmless. */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, id?: string) {
  const parsed = eventSchemas[name].parse(data);
  return inngest.send({ name, data: parsed, ...(id ? { id } : {}) });
}
