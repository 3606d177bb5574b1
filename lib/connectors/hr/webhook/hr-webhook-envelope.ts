import { z } from "zod";

/** What an HR source POSTs (Standard Webhooks-signed): `data` is the record in the source's own API shape. */
export const hrWebhookEnvelopeSchema = z.object({
  type: z.enum(["employee.changed", "org_unit.changed"]),
  id: z.string().min(1).max(255),
  occurredAt: z
    .string()
    .min(1)
    .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date-time"),
  data: z.record(z.string(), z.unknown()),
});

export type HrWebhookEnvelope = z.infer<typeof hrWebhookEnvelopeSchema>;
