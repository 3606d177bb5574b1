import ipaddr from "ipaddr.js";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";
import { z } from "zod";

// Every environment variable OrgBridge reads; the only module that reads process.env. The run
// command (scripts/dev.ts) fills the embedded defaults and validates all of them before the app
// starts; production sets them itself. See .env.example for what each one means.

function isCidrOrAddress(entry: string): boolean {
  try {
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return true;
  } catch {
    return false;
  }
}

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

/** "1" or "0", read as a boolean. */
const flag = z
  .enum(["0", "1"], { message: 'must be "1" or "0"' })
  .default("0")
  .transform((v) => v === "1");

// The variables in groups, one per kind of process that reads them: the embedded executor, a
// sandbox server started by a test or a background job validates only its own group (envSection),
// while the app and its run command validate all of them at once (env, envSchema).
const sections = {
  app: {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_VERSION: z.string().default("0.1.0"),
  },
  /** How the run command (scripts/dev.ts) serves the app; read before anything starts. */
  server: {
    /** Production server processes on the app's port (node:cluster); unset: up to 2, one per core. */
    APP_WORKERS: z.coerce
      .number({ message: "must be a whole number from 1 to 16" })
      .int("must be a whole number from 1 to 16")
      .min(1, "must be a whole number from 1 to 16")
      .max(16, "must be a whole number from 1 to 16")
      .optional(),
    /** Production: "process" (the default) serves the Inngest functions from their own process (scripts/functions-worker.ts) and points the embedded executor at it; "off" leaves them to the Next.js route /api/inngest. */
    ORGBRIDGE_FUNCTIONS_WORKER: z.enum(["process", "off"]).optional(),
  },
  database: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  },
  auth: {
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
  },
  /** Who the client is, read by every route handler. */
  network: {
    /** Reverse proxies (CIDRs or addresses) whose X-Forwarded-For is believed; empty: none. */
    TRUSTED_PROXIES: csv.refine(
      (list) => list.every(isCidrOrAddress),
      "each entry must be an IP address or CIDR (10.0.0.0/8)",
    ),
  },
  secrets: {
    ORGBRIDGE_SECRET_KEY: csv.pipe(
      z.array(z.string().min(1)).min(1, "at least one base64 key of 32 bytes"),
    ),
  },
  company: {
    COMPANY_TIME_ZONE: z
      .string()
      .default("Asia/Shanghai")
      .refine(isValidTimeZone, "must be an IANA time zone such as Asia/Shanghai"),
    API_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  },
  jobs: {
    INNGEST_BASE_URL: z.url().optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    /** The previous signing key while Inngest rotates it (the SDK accepts either). */
    INNGEST_SIGNING_KEY_FALLBACK: z.string().optional(),
    INNGEST_DEV: z.string().optional(),
    /** Origin the SDK registers (e.g. https://orgbridge.internal); never taken from a request's Host. */
    INNGEST_SERVE_ORIGIN: z.url().optional(),
    /** Set by the run command when it starts the embedded executor (runs can be re-run from the console). */
    ORGBRIDGE_EMBEDDED_EXECUTOR: flag,
  },
  api: {
    /** Largest request body /api/v1 accepts, in bytes (413 above it). */
    API_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(256 * 1024),
    /** Unauthenticated /api/v1 calls one client address may make per minute before 429. */
    API_UNAUTHENTICATED_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Requests a minute one API token or OAuth client may make unless the console sets its own. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  },
  oauth: {
    /** Base64 HMAC key (at least 32 bytes) that signs OAuth access tokens; unset: the token endpoint refuses. */
    ORGBRIDGE_OAUTH_SIGNING_KEY: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || Buffer.from(v, "base64").length >= 32,
        "must be base64 of at least 32 bytes (openssl rand -base64 32)",
      ),
    /** Lifetime of an issued access token, in seconds. */
    OAUTH_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  },
  callbacks: {
    /** Multiplies callback retry delays and the auto-disable period; tests and benches shrink it. */
    ORGBRIDGE_CALLBACK_TIME_SCALE: z.coerce.number().positive().max(1000).default(1),
    /** "process": a delivery worker process runs beside the app (the run command starts one), so the cron drain only takes what it leaves overdue; "off": the run command starts none. Unset: the cron drain delivers everything. */
    ORGBRIDGE_CALLBACK_WORKER: z.enum(["process", "off"]).optional(),
  },
  sandbox: {
    ORGBRIDGE_SANDBOXES: z.enum(["on", "off"]).default("on"),
    SANDBOX_IM_URL: z.url().optional(),
    SANDBOX_HR_URL: z.url().optional(),
  },
  /** The sandbox IM run as its own process (serve-sandbox-im.ts); unset = the sandbox defaults. */
  sandboxIm: {
    SANDBOX_IM_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    SANDBOX_IM_CORP_ID: z.string().min(1).optional(),
    SANDBOX_IM_CORP_SECRET: z.string().min(1).optional(),
    SANDBOX_IM_AGENT_ID: z.coerce.number().int().min(1).optional(),
    SANDBOX_IM_RATE_PER_MINUTE: z.coerce.number().int().min(1).optional(),
    SANDBOX_IM_TOKEN_TTL: z.coerce.number().int().min(1).optional(),
    SANDBOX_IM_RECORD: flag,
  },
};

const sectionSchemas = {
  app: z.object(sections.app),
  server: z.object(sections.server),
  database: z.object(sections.database),
  auth: z.object(sections.auth),
  network: z.object(sections.network),
  secrets: z.object(sections.secrets),
  company: z.object(sections.company),
  jobs: z.object(sections.jobs),
  api: z.object(sections.api),
  oauth: z.object(sections.oauth),
  callbacks: z.object(sections.callbacks),
  sandbox: z.object(sections.sandbox),
  sandboxIm: z.object(sections.sandboxIm),
};
export type EnvSectionName = keyof typeof sectionSchemas;
export type EnvSection<N extends EnvSectionName> = z.output<(typeof sectionSchemas)[N]>;

/** Every variable OrgBridge reads. */
export const envSchema = z.object({
  ...sections.app,
  ...sections.server,
  ...sections.database,
  ...sections.auth,
  ...sections.network,
  ...sections.secrets,
  ...sections.company,
  ...sections.jobs,
  ...sections.api,
  ...sections.oauth,
  ...sections.callbacks,
  ...sections.sandbox,
  ...sections.sandboxIm,
});

export type Env = z.infer<typeof envSchema>;

/**
 * Formats zod issues as "VAR: message" lines, for a start-up error a person can act on. Given the
 * source, an absent variable is reported as not set rather than with the validator's message.
 */
export function describeEnvIssues(
  error: z.ZodError,
  source: Record<string, string | undefined> = {},
): string {
  return error.issues
    .map((i) => {
      const name = i.path.join(".");
      // Only a required variable can fail while absent.
      const unset = name !== "" && (source[name] ?? "") === "";
      return `  ${name || "(env)"}: ${unset ? "is not set" : i.message}`;
    })
    .join("\n");
}

// An empty value (NAME= in a .env file, a blank CI variable) means unset, so defaults apply.
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

function parseWith<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(withoutEmpty(source));
  if (!result.success) {
    throw new Error(
      `Invalid environment configuration:\n${describeEnvIssues(result.error, source)}`,
    );
  }
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

/** Validates one group of variables from `source`; the other groups may be absent or wrong. */
export function parseEnvSection<N extends EnvSectionName>(
  name: N,
  source: Record<string, string | undefined>,
): EnvSection<N> {
  return parseWith(sectionSchemas[name], source) as EnvSection<N>;
}

let cached: Env | undefined;

/** The validated environment; throws a readable error naming each bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

// Re-validated only when one of the group's variables changes (tests and the run command set
// some after start-up, e.g. the integration database's URL).
const sectionCache = new Map<EnvSectionName, { raw: string; value: unknown }>();

/**
 * One validated group of variables, for code that runs where the app's full environment may be
 * absent (the embedded executor, sandbox servers, background jobs, scripts sharing lib code).
 */
export function envSection<N extends EnvSectionName>(name: N): EnvSection<N> {
  const keys = Object.keys(sections[name]);
  const raw = JSON.stringify(keys.map((k) => process.env[k] ?? null));
  const hit = sectionCache.get(name);
  if (hit?.raw === raw) return hit.value as EnvSection<N>;
  const value = parseEnvSection(name, process.env);
  sectionCache.set(name, { raw, value });
  return value;
}

/**
 * Replaces `process.env` with a plain copy of itself, once, in a long-running server process.
 * Node's `process.env` is backed by the C environment: every read, and every enumeration, crosses
 * into C++ per variable. The Inngest SDK enumerates the whole environment on each request it
 * serves and each report it sends (`Object.entries(process.env)` inside its header builder) —
 * 7.6 % of the Next.js server's CPU under a stream of runs, measured with the inspector's
 * profiler (bench/executor-product.ts). The server's environment does not change after start,
 * so a snapshot reads the same. Not for processes that set `TZ` at run time (a plain object has
 * no setter that resets the time-zone cache). Child processes still inherit it (spawn copies
 * `process.env` by value).
 */
export function snapshotProcessEnv(): void {
  if (snapshotted) return;
  process.env = { ...process.env };
  snapshotted = true;
}
let snapshotted = false;
