"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { setRoleOverride, setRoleOverrideSchema } from "@/lib/users/commands/set-role-override";

export const setRoleOverrideAction = areaAction(
  "users",
  setRoleOverrideSchema,
  async (input, ctx) => {
    const result = await setRoleOverride(input, ctx);
    revalidatePath("/users");
    return result;
  },
);
