import type { Role } from "@/lib/core/auth/permissions";

export type RoleChange = {
  actor: { id: string; roles: readonly Role[] };
  target: { id: string; before: readonly Role[]; after: readonly Role[] };
};

export type RoleChangeRefusal = { code: string; message: string };

// Who may grant or revoke each admin role (besides never on themselves).
const GRANTED_BY: Record<"IT_ADMIN" | "HR_ADMIN", readonly Role[]> = {
  IT_ADMIN: ["IT_ADMIN"],
  HR_ADMIN: ["HR_ADMIN", "IT_ADMIN"],
};

/**
 * Separation of duties for role changes: nobody changes their own roles (so an
 * admin cannot widen their own access, nor lock themselves out), and an admin
 * role is granted or revoked only by someone who holds a role that may grant it.
 * Null when the change is allowed.
 */
export function checkRoleChange({ actor, target }: RoleChange): RoleChangeRefusal | null {
  if (actor.id === target.id) {
    const losesIt = target.before.includes("IT_ADMIN") && !target.after.includes("IT_ADMIN");
    return {
      code: "own_roles",
      message: losesIt
        ? "You cannot remove your own IT admin role: nobody changes their own roles. Ask another IT admin."
        : "You cannot change your own roles. Ask another IT admin.",
    };
  }
  for (const role of ["IT_ADMIN", "HR_ADMIN"] as const) {
    const changed = target.before.includes(role) !== target.after.includes(role);
    if (changed && !actor.roles.some((r) => GRANTED_BY[role].includes(r))) {
      const label = role === "IT_ADMIN" ? "IT admin" : "HR admin";
      return {
        code: "role_change_not_allowed",
        message: `Only ${role === "IT_ADMIN" ? "an IT admin" : "an HR or IT admin"} may grant or revoke the ${label} role.`,
      };
    }
  }
  return null;
}
