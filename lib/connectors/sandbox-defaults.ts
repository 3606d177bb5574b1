/** Where the embedded sandboxes listen and which credentials they accept, unless configured otherwise. */
export const SANDBOX_IM_DEFAULTS = {
  port: 4020,
  corpId: "ww-sandbox",
  corpSecret: "sandbox-secret",
  agentId: 1000002,
} as const;

export const SANDBOX_HR_DEFAULTS = {
  port: 4010,
  apiToken: "sandbox-hr-token",
} as const;
