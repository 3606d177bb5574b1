"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { savePrivacyRules } from "@/lib/org/commands/save-privacy-rules";
import { privacyRulesSchema } from "@/lib/org/directory-privacy-schema";

export const savePrivacyRulesAction = areaAction("org", privacyRulesSchema, async (input, ctx) => {
  const rules = await savePrivacyRules(input, { actor: { ...ctx.actor, roles: ctx.user.roles } });
  revalidatePath("/org");
  return { rules };
});
