import { z } from "zod";

/** A credential's own requests-per-minute limit; null or absent: the API_RATE_LIMIT_PER_MINUTE default. */
export const rateLimitSchema = z
  .number()
  .int("Rate limit must be a whole number")
  .min(1, "Rate limit must be at least 1 request a minute")
  .max(1_000_000, "Rate limit must be at most 1000000 requests a minute")
  .nullable()
  .default(null);

export const setRateLimitSchema = z.object({
  kind: z.enum(["token", "client"]),
  id: z.string().min(1).max(64),
  rateLimitPerMinute: rateLimitSchema,
});
export type SetRateLimitInput = z.input<typeof setRateLimitSchema>;
