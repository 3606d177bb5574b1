"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { createToken } from "@/lib/tokens/commands/create-token";
import { createTokenSchema } from "@/lib/tokens/create-token-schema";
import { revokeToken } from "@/lib/tokens/commands/revoke-token";

export const createTokenAction = areaAction("tokens", createTokenSchema, async (input, ctx) => {
  const created = await createToken(input, ctx);
  revalidatePath("/tokens");
  return created;
});

export const revokeTokenAction = areaAction(
  "tokens",
  z.object({ id: z.string().min(1) }),
  async ({ id }, ctx) => {
    await revokeToken({ id }, ctx);
    revalidatePath("/tokens");
    return { id };
  },
);
