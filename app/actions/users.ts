"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/core/action";
import { setRoleOverride, setRoleOverrideSchema } from "@/lib/users/commands/set-role-override";

export const setRoleOverrideAction = areaAction(
  "users",
  setRoleOverrideSchema,
  async (input, { actor }) => {
    const result = await setRoleOverride(input, actor);
    revalidatePath("/users");
    return result;
  },
);
