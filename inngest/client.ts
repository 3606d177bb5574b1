import { Inngest } from "inngest";
import { eventSchemas, type EventData, type EventName } from "./events";

// Configured only by environment: INNGEST_BASE_URL / INNGEST_SIGNING_KEY /
// INNGEST_EVENT_KEY point it at the embedded executor, self-hosted Inngest or
// Inngest Cloud. The code is the same in all three.
export const inngest = new Inngest({ id: "orgbridge" });

/** Sends one typed event after validating its data; `id` makes retries of the same send harmless. */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, id?: string) {
  const parsed = eventSchemas[name].parse(data);
  return inngest.send({ name, data: parsed, ...(id ? { id } : {}) });
}
