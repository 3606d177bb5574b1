"use server";
import { revalidatePath } from "next/cache";
import { areaAction } from "@/lib/actions/action";
import { setRoleOverride, setRoleOverrideSchema } from "@/lib/users/set-role-override";

export const setRoleOverrideAction = areaAction("users", setRoleOverrideSchema, async (input, { actor }) => {
  const result = await setRoleOverride(input, actor);
  revalidatePath("/users");
  return result;
});
