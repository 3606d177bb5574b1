"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { createOAuthClient } from "@/lib/oauth/commands/create-oauth-client";
import { revokeOAuthClient } from "@/lib/oauth/commands/revoke-oauth-client";
import { rotateOAuthClientSecret } from "@/lib/oauth/commands/rotate-oauth-client-secret";
import { createOAuthClientSchema } from "@/lib/oauth/oauth-client-schema";
import { setRateLimit } from "@/lib/tokens/commands/set-rate-limit";
import { setRateLimitSchema } from "@/lib/tokens/rate-limit-schema";

export const createOAuthClientAction = areaAction(
  "tokens",
  createOAuthClientSchema,
  async (input, ctx) => {
    const created = await createOAuthClient(input, ctx);
    revalidatePath("/tokens");
    return created;
  },
);

export const rotateOAuthClientSecretAction = areaAction(
  "tokens",
  z.object({ id: z.string().min(1) }),
  async ({ id }, ctx) => {
    const rotated = await rotateOAuthClientSecret({ id }, ctx);
    revalidatePath("/tokens");
    return rotated;
  },
);

export const revokeOAuthClientAction = areaAction(
  "tokens",
  z.object({ id: z.string().min(1) }),
  async ({ id }, ctx) => {
    await revokeOAuthClient({ id }, ctx);
    revalidatePath("/tokens");
    return { id };
  },
);

/** An API token's or OAuth client's own rate limit (both live on the tokens page). */
export const setRateLimitAction = areaAction("tokens", setRateLimitSchema, async (input, ctx) => {
  await setRateLimit(input, ctx);
  revalidatePath("/tokens");
  return { id: input.id };
});
