import { z } from "zod";
import { isValidCidr } from "@/lib/tokens/rules/ip-allowed";
import { TOKEN_SCOPES } from "@/lib/tokens/rules/scopes";
import { rateLimitSchema } from "@/lib/tokens/rate-limit-schema";

// Shared by the console form and the server action.
export const createOAuthClientSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, "Choose at least one scope"),
  expiresInDays: z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365), z.null()]),
  ipAllowList: z
    .array(z.string().trim())
    .default([])
    .refine((list) => list.every(isValidCidr), {
      message: "Each entry must be an IP address or CIDR such as 10.0.0.0/8",
      params: { i18n: "ipOrCidr" },
    }),
  rateLimitPerMinute: rateLimitSchema,
});
export type CreateOAuthClientInput = z.input<typeof createOAuthClientSchema>;
