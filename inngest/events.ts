import { z } from "zod";

// Every event OrgBridge sends, with its schema. Each carries an id that makes
// handling idempotent (Inngest dedupes on `id`).
export const eventSchemas = {
  "system/ping.requested": z.object({ requestedBy: z.string(), note: z.string().max(200).optional() }),
  "system/maintenance.requested": z.object({ requestedBy: z.string() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
