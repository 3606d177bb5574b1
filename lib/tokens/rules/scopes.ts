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
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Whether a credential holding `granted` may use an operation that requires `required`. */
export function scopeGranted(granted: readonly string[], required: TokenScope): boolean {
  if (granted.includes(required)) return true;
  return required.endsWith(":read") && granted.includes("read");
}
