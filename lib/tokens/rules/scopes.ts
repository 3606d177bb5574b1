// Scopes read `<resource>:read` or `<resource>:write`. `read` is the umbrella every API token had
// before resources got their own read scopes: it still grants every `*:read`, so old integrations
// keep working. No "hr-events:write": the HR webhook receiver authenticates each HR system with
// its connection's webhook secret, so a token scope for it would guard nothing.
export const TOKEN_SCOPES = [
  "read",
  "employees:read",
  "org:read",
  "sync:read",
  "sync:write",
  "conflicts:read",
  "conflicts:write",
  "callbacks:read",
  "callbacks:write",
  "notifications:write",
  "events:write",
  "provision:write",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Whether a credential holding `granted` may use an operation that requires `required`. */
export function scopeGranted(granted: readonly string[], required: TokenScope): boolean {
  if (granted.includes(required)) return true;
  return required.endsWith(":read") && granted.includes("read");
}

/** What each scope allows, for the OpenAPI document (the console has its own translations). */
export const SCOPE_DESCRIPTIONS: Record<TokenScope, string> = {
  read: "Every *:read scope (kept for tokens made before resources had their own).",
  "employees:read": "Read employees and their IM accounts.",
  "org:read": "Read org units.",
  "sync:read": "Read sync runs.",
  "sync:write": "Start full or dry sync runs.",
  "conflicts:read": "Read the conflict queue.",
  "conflicts:write": "Resolve conflicts.",
  "callbacks:read": "Read callback endpoints and deliveries.",
  "callbacks:write": "Create, change, delete, test callback endpoints and replay deliveries.",
  "notifications:write": "Send notifications and read their status.",
  "events:write": "Send business events to data callbacks.",
  "provision:write": "Dry-run or apply provisioning of one employee (provision on demand).",
};
