import { z } from "zod";

// Shared by the console form and the server actions.
export const createScimConnectionSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80),
  /** Unit for users whose department matches none; empty: such users get no unit and a conflict. */
  fallbackUnitCode: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CreateScimConnectionInput = z.input<typeof createScimConnectionSchema>;

export const scimConnectionIdSchema = z.object({ id: z.string().min(1).max(64) });
