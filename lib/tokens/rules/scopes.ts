export const TOKEN_SCOPES = [
  "hr-events:write",
  "notifications:write",
  "events:write",
  "read",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
