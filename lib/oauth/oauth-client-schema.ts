import type { z } from "zod";
import { createTokenSchema } from "@/lib/tokens/create-token-schema";

// Shared by the console form and the server action. A client is created from the same fields as an API
// token (name, scopes, expiry, IP allow-list, rate limit): one schema, so the two cannot drift apart.
export const createOAuthClientSchema = createTokenSchema;
export type CreateOAuthClientInput = z.input<typeof createOAuthClientSchema>;
