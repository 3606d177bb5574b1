"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { requestPrune } from "@/lib/retention/commands/request-prune";
import { saveRetentionSettings } from "@/lib/retention/commands/save-retention-settings";
import { retentionSettingsSchema } from "@/lib/retention/retention-settings-schema";

export const saveRetentionSettingsAction = areaAction(
  "jobs",
  retentionSettingsSchema,
  async (input, ctx) => {
    const result = await saveRetentionSettings(input, {
      actor: { ...ctx.actor, roles: ctx.user.roles },
    });
    revalidatePath("/jobs/retention");
    revalidatePath("/");
    return result;
  },
);

export const requestPruneAction = areaAction("jobs", z.object({}).strict(), (_input, ctx) =>
  requestPrune({}, { actor: { ...ctx.actor, roles: ctx.user.roles } }),
);
