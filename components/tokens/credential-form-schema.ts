import { z } from "zod";
import { createTokenSchema, type CreateTokenInput } from "@/lib/tokens/create-token-schema";

// API tokens and OAuth clients are created from the same fields. The form edits the allow-list and the
// limit as text; everything else is the server's schema.
export const credentialFormSchema = createTokenSchema.extend({
  ipAllowList: z.string(),
  rateLimitPerMinute: z.string().regex(/^\d*$/, "Rate limit must be a whole number"),
});
export type CredentialFormValues = z.input<typeof credentialFormSchema>;

/** The expiries the forms offer, in days (null = never). */
export const CREDENTIAL_EXPIRIES = [7, 30, 90, 365, null] as const;

/** The form's text fields as the server action takes them. */
export function toCredentialInput(values: CredentialFormValues): CreateTokenInput {
  return {
    ...values,
    ipAllowList: values.ipAllowList.split(/[\s,]+/).filter(Boolean),
    rateLimitPerMinute: values.rateLimitPerMinute ? Number(values.rateLimitPerMinute) : null,
  };
}
