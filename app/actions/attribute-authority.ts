"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { attributeAuthoritySchema } from "@/lib/sync/attribute-authority-schema";
import { saveAttributeAuthority } from "@/lib/sync/commands/save-attribute-authority";

export const saveAttributeAuthorityAction = areaAction(
  "sync",
  attributeAuthoritySchema,
  async (input, ctx) => {
    const saved = await saveAttributeAuthority(input, {
      actor: { ...ctx.actor, roles: ctx.user.roles },
    });
    revalidatePath("/sync/settings");
    return saved;
  },
);
