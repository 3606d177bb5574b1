// No "hr-events:write": the HR webhook receiver authenticates each HR system with
// its connection's webhook secret, so a token scope for it would guard nothing.
export const TOKEN_SCOPES = ["notifications:write", "events:write", "read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
