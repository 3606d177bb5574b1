import type { Role } from "./permissions";

export type MapRolesInput = {
  /** Group names from the IdP's role claim (a string or a list, as IdPs differ). */
  groups: unknown;
  /** OIDC_ROLE_MAP: group name → roles. */
  roleMap: Record<string, Role[]>;
};

/** Roles the IdP grants. Everyone signed in is at least an EMPLOYEE (of themself); admins come from groups. */
export function mapRoles({ groups, roleMap }: MapRolesInput): Role[] {
  const list = Array.isArray(groups)
    ? groups
    : typeof groups === "string"
      ? groups.split(/[\s,]+/)
      : [];
  const roles = new Set<Role>(["EMPLOYEE"]);
  for (const g of list) for (const r of roleMap[String(g)] ?? []) roles.add(r);
  return [...roles].sort();
}

export type EffectiveRolesInput = { idpRoles: Role[]; roleOverride: Role[]; overrideSet: boolean };

/** A local override, set by an IT admin in the console, replaces what the IdP says. */
export function effectiveRoles(user: EffectiveRolesInput): Role[] {
  return user.overrideSet ? [...user.roleOverride].sort() : [...user.idpRoles].sort();
}
