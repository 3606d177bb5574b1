// The permission matrix: who may see and who may change each area.
// docs/permissions.md is generated from the same table (scripts/print-permissions.ts).

export const ROLES = ["HR_ADMIN", "IT_ADMIN", "EMPLOYEE"] as const;
export type Role = (typeof ROLES)[number];

export const AREAS = {
  dashboard: { path: "/", view: ["HR_ADMIN", "IT_ADMIN"], edit: [] },
  org: { path: "/org", view: ["HR_ADMIN", "IT_ADMIN"], edit: ["HR_ADMIN"] },
  // Viewing includes a provisioning dry run (it writes nothing); Apply changes the IM.
  employees: { path: "/employees", view: ["HR_ADMIN", "IT_ADMIN"], edit: ["IT_ADMIN"] },
  sync: { path: "/sync", view: ["HR_ADMIN", "IT_ADMIN"], edit: ["IT_ADMIN"] },
  conflicts: { path: "/conflicts", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  notifications: { path: "/notifications", view: ["HR_ADMIN"], edit: ["HR_ADMIN"] },
  callbacks: { path: "/callbacks", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  connections: { path: "/connections", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  imPreview: { path: "/im-preview", view: ["HR_ADMIN", "IT_ADMIN"], edit: [] },
  hrSimulator: {
    path: "/hr-simulator",
    view: ["HR_ADMIN", "IT_ADMIN"],
    edit: ["HR_ADMIN", "IT_ADMIN"],
  },
  jobs: { path: "/jobs", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  tokens: { path: "/tokens", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  apiLog: { path: "/api-log", view: ["IT_ADMIN"], edit: [] },
  developers: { path: "/developers", view: ["IT_ADMIN", "HR_ADMIN"], edit: [] },
  audit: { path: "/audit", view: ["IT_ADMIN", "HR_ADMIN"], edit: [] },
  users: { path: "/users", view: ["IT_ADMIN"], edit: ["IT_ADMIN"] },
  me: {
    path: "/me",
    view: ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"],
    edit: ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"],
  },
} as const satisfies Record<string, { path: string; view: readonly Role[]; edit: readonly Role[] }>;

export type Area = keyof typeof AREAS;

export function canView(roles: readonly Role[], area: Area): boolean {
  return roles.some((r) => (AREAS[area].view as readonly Role[]).includes(r));
}

export function canEdit(roles: readonly Role[], area: Area): boolean {
  return roles.some((r) => (AREAS[area].edit as readonly Role[]).includes(r));
}

/** Where a user lands after sign-in: admins on the dashboard, employees on their own page. */
export function homePath(roles: readonly Role[]): string {
  return canView(roles, "dashboard") ? "/" : "/me";
}
