import { z } from "zod";

export const CONNECTION_KINDS = ["HR_SOURCE", "IM_TARGET"] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

// Shared by the console form and the server action. `config` and `secrets` are
// checked again on the server against the provider's own schemas (lib/connectors/registry.ts).
export const saveConnectionSchema = z.object({
  /** Set when editing; absent when creating. */
  id: z.string().min(1).optional(),
  kind: z.enum(CONNECTION_KINDS),
  provider: z.string().min(1, "Choose a provider"),
  name: z.string().trim().min(1, "Name is required").max(80),
  enabled: z.boolean().default(true),
  config: z.record(z.string(), z.unknown()).default({}),
  /** Write-only. On edit, a missing or empty entry keeps the stored value. */
  secrets: z.record(z.string(), z.string()).default({}),
});
export type SaveConnectionInput = z.input<typeof saveConnectionSchema>;

export const connectionIdSchema = z.object({ id: z.string().min(1) });
