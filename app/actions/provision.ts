"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaAction } from "@/lib/core/action";
import { canView } from "@/lib/core/auth/permissions";
import { forbiddenError } from "@/lib/core/errors";
import { provisionEmployee } from "@/lib/sync/commands/provision-employee";

const target = z.object({
  employeeNo: z.string().min(1).max(64),
  connectionId: z.string().min(1).max(64).optional(),
});

// A dry run writes nothing, so whoever may view employees may ask for one ("self": checked here).
export const dryRunProvisionAction = areaAction("self", target, async (input, ctx) => {
  if (!canView(ctx.user.roles, "employees")) throw forbiddenError();
  return provisionEmployee({ ...input, dryRun: true }, { actor: ctx.actor });
});

export const applyProvisionAction = areaAction("employees", target, async (input, ctx) => {
  const result = await provisionEmployee({ ...input, dryRun: false }, { actor: ctx.actor });
  revalidatePath(`/employees/${input.employeeNo}`);
  return result;
});
