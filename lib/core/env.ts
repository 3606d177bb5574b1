import ipaddr from "ipaddr.js";
import { z } from "zod";

// Every environment variable OrgBridge reads, validated once. The run command
// (scripts/dev.ts) fills the embedded defaults; production sets them itself.
// See .env.example for what each one means.

const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

function isCidrOrAddress(entry: string): boolean {
  try {
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  OIDC_ISSUER: z.url(),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_ROLE_CLAIM: z.string().default("groups"),
  /** JSON: IdP group name → list of roles. */
  OIDC_ROLE_MAP: z
    .string()
    .default('{"orgbridge-hr-admins":["HR_ADMIN"],"orgbridge-it-admins":["IT_ADMIN"]}')
    .transform((v, ctx) => {
      try {
        return z
          .record(z.string(), z.array(z.enum(["HR_ADMIN", "IT_ADMIN", "EMPLOYEE"])))
          .parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: "custom", message: 'must be JSON like {"group":["HR_ADMIN"]}' });
        return z.NEVER;
      }
    }),
  OIDC_UNKNOWN_USERS: z.enum(["employee", "refuse"]).default("employee"),
  /** A console session ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** …and this many hours after sign-in, however active. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(8),
  /** Reverse proxies (CIDRs or addresses) whose X-Forwarded-For is believed; empty: none. */
  TRUSTED_PROXIES: csv.refine(
    (list) => list.every(isCidrOrAddress),
    "each entry must be an IP address or CIDR (10.0.0.0/8)",
  ),
  ORGBRIDGE_SECRET_KEY: csv.pipe(
    z.array(z.string().min(1)).min(1, "at least one base64 key of 32 bytes"),
  ),
  COMPANY_TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Shanghai"),
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  /** Origin the SDK registers (e.g. https://orgbridge.internal); never taken from a request's Host. */
  INNGEST_SERVE_ORIGIN: z.url().optional(),
  SANDBOX_IM_URL: z.url().optional(),
  SANDBOX_HR_URL: z.url().optional(),
  API_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  APP_VERSION: z.string().default("0.1.0"),
});

export type Env = z.infer<typeof envSchema>;

/** Formats zod issues as "VAR: message" lines, for a start-up error a person can act on. */
export function describeEnvIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid environment configuration:\n${describeEnvIssues(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment; throws a readable error naming each bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
