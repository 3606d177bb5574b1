import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { canEdit, canView, type Area } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./current-user";

/**
 * For pages: the signed-in user who may see (or change) an area. Not signed in
 * → redirect to sign-in and back; signed in without the role → the 403 page.
 */
export async function requireArea(
  area: Area,
  mode: "view" | "edit" = "view",
): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-orgbridge-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!(mode === "view" ? canView : canEdit)(user.roles, area)) forbidden();
  return user;
}
