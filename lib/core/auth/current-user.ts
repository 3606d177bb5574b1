import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/core/db";
import { authOptions } from "./auth-options";
import { effectiveRoles } from "./map-roles";
import type { Role } from "./permissions";

export type CurrentUser = {
  id: string;
  name: string | null;
  email: string | null;
  roles: Role[];
  employeeId: string | null;
};

/** The signed-in user with roles as they are now in the database, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  const user = await db.user.findUnique({ where: { id: session.uid } });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: effectiveRoles(user),
    employeeId: user.employeeId,
  };
});
