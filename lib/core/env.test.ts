import { afterEach, describe, expect, it } from "vitest";
import { envSection, parseEnv, parseEnvSection } from "./env";

const valid = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_SECRET: "x".repeat(32),
  OIDC_ISSUER: "http://127.0.0.1:3100",
  OIDC_CLIENT_ID: "orgbridge",
  OIDC_CLIENT_SECRET: "secret",
  ORGBRIDGE_SECRET_KEY: "a2V5",
};

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.COMPANY_TIME_ZONE).toBe("Asia/Shanghai");
    expect(env.OIDC_ROLE_MAP["orgbridge-hr-admins"]).toEqual(["HR_ADMIN"]);
    expect(env.ORGBRIDGE_SECRET_KEY).toEqual(["a2V5"]);
    expect(env.TRUSTED_PROXIES).toEqual([]);
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.SESSION_MAX_HOURS).toBe(8);
  });

  it("reads TRUSTED_PROXIES as a list of CIDRs and addresses", () => {
    expect(
      parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8,192.0.2.7" }).TRUSTED_PROXIES,
    ).toEqual(["10.0.0.0/8", "fd00::/8", "192.0.2.7"]);
  });

  it.each([
    ["DATABASE_URL", "mysql://x", "DATABASE_URL"],
    ["NEXTAUTH_SECRET", "short", "NEXTAUTH_SECRET"],
    ["COMPANY_TIME_ZONE", "Mars/Olympus", "COMPANY_TIME_ZONE"],
    ["OIDC_ROLE_MAP", "{not json", "OIDC_ROLE_MAP"],
    ["OIDC_ROLE_MAP", '{"g":["ROOT"]}', "OIDC_ROLE_MAP"],
    ["ORGBRIDGE_EMBEDDED_EXECUTOR", "yes", "ORGBRIDGE_EMBEDDED_EXECUTOR"],
    ["ORGBRIDGE_CALLBACK_TIME_SCALE", "0", "ORGBRIDGE_CALLBACK_TIME_SCALE"],
    ["ORGBRIDGE_SANDBOXES", "maybe", "ORGBRIDGE_SANDBOXES"],
    ["SANDBOX_IM_PORT", "99999", "SANDBOX_IM_PORT"],
    ["API_LOG_RETENTION_DAYS", "0", "API_LOG_RETENTION_DAYS"],
    ["TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal", "TRUSTED_PROXIES"],
    ["SESSION_IDLE_MINUTES", "0", "SESSION_IDLE_MINUTES"],
  ])("rejects %s=%s naming the variable", (key, value, named) => {
    expect(() => parseEnv({ ...valid, [key]: value })).toThrow(new RegExp(`${named}:`));
  });

  it("names every missing variable at once", () => {
    const message = (() => {
      try {
        parseEnv({});
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "OIDC_ISSUER", "ORGBRIDGE_SECRET_KEY"]) {
      expect(message).toContain(`${key}:`);
    }
  });
});

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a throw");
};

describe("parseEnv, read as a person would", () => {
  it("says a required variable is not set rather than quoting the validator", () => {
    const message = messageOf(() => parseEnv({ ...valid, OIDC_ISSUER: undefined }));
    expect(message).toContain("OIDC_ISSUER: is not set");
    expect(message).not.toContain("NEXTAUTH_SECRET");
  });

  it("treats an empty value as unset: defaults apply and a required one is not set", () => {
    const env = parseEnv({ ...valid, COMPANY_TIME_ZONE: "", ORGBRIDGE_CALLBACK_TIME_SCALE: "" });
    expect(env.COMPANY_TIME_ZONE).toBe("Asia/Shanghai");
    expect(env.ORGBRIDGE_CALLBACK_TIME_SCALE).toBe(1);
    expect(messageOf(() => parseEnv({ ...valid, DATABASE_URL: "" }))).toContain(
      "DATABASE_URL: is not set",
    );
  });

  it("reads flags and numbers into their types", () => {
    const env = parseEnv({
      ...valid,
      ORGBRIDGE_EMBEDDED_EXECUTOR: "1",
      ORGBRIDGE_CALLBACK_TIME_SCALE: "0.01",
      SANDBOX_IM_PORT: "0",
      SANDBOX_IM_AGENT_ID: "1000002",
    });
    expect(env).toMatchObject({
      ORGBRIDGE_EMBEDDED_EXECUTOR: true,
      ORGBRIDGE_CALLBACK_TIME_SCALE: 0.01,
      SANDBOX_IM_PORT: 0,
      SANDBOX_IM_AGENT_ID: 1000002,
      SANDBOX_IM_RECORD: false,
      ORGBRIDGE_SANDBOXES: "on",
    });
  });
});

describe("parseEnvSection", () => {
  it("validates only its own variables, so a process without the app's environment can start", () => {
    expect(parseEnvSection("company", {})).toEqual({
      COMPANY_TIME_ZONE: "Asia/Shanghai",
      API_LOG_RETENTION_DAYS: 30,
    });
    expect(
      parseEnvSection("database", { DATABASE_URL: valid.DATABASE_URL, OIDC_ROLE_MAP: "{not json" }),
    ).toEqual({ DATABASE_URL: valid.DATABASE_URL, DATABASE_POOL_SIZE: 10 });
    expect(parseEnvSection("jobs", {}).ORGBRIDGE_EMBEDDED_EXECUTOR).toBe(false);
  });

  it("still refuses a bad variable of its own, naming it", () => {
    expect(() => parseEnvSection("company", { COMPANY_TIME_ZONE: "Mars/Olympus" })).toThrow(
      /COMPANY_TIME_ZONE: must be an IANA time zone/,
    );
    expect(() => parseEnvSection("database", {})).toThrow(/DATABASE_URL: is not set/);
    expect(() => parseEnvSection("secrets", { ORGBRIDGE_SECRET_KEY: " , " })).toThrow(
      /ORGBRIDGE_SECRET_KEY: at least one base64 key/,
    );
  });
});

describe("APP_WORKERS", () => {
  it("is unset by default, so the run command picks the number of server processes", () => {
    expect(parseEnvSection("server", {})).toEqual({});
    expect(parseEnvSection("server", { APP_WORKERS: "" })).toEqual({});
  });

  it("reads a whole number from 1 to 16 and refuses anything else, naming it", () => {
    expect(parseEnvSection("server", { APP_WORKERS: "1" })).toEqual({ APP_WORKERS: 1 });
    expect(parseEnvSection("server", { APP_WORKERS: "16" })).toEqual({ APP_WORKERS: 16 });
    for (const bad of ["0", "17", "-2", "1.5", "two", "2workers"])
      expect(() => parseEnvSection("server", { APP_WORKERS: bad }), bad).toThrow(
        /APP_WORKERS: must be a whole number from 1 to 16/,
      );
  });
});

describe("envSection", () => {
  const saved = process.env.COMPANY_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.COMPANY_TIME_ZONE;
    else process.env.COMPANY_TIME_ZONE = saved;
  });

  it("follows process.env when one of its variables changes after the first read", () => {
    process.env.COMPANY_TIME_ZONE = "Europe/Berlin";
    expect(envSection("company").COMPANY_TIME_ZONE).toBe("Europe/Berlin");
    process.env.COMPANY_TIME_ZONE = "Asia/Tokyo";
    expect(envSection("company").COMPANY_TIME_ZONE).toBe("Asia/Tokyo");
    process.env.COMPANY_TIME_ZONE = "Mars/Olympus";
    expect(() => envSection("company")).toThrow(/COMPANY_TIME_ZONE:/);
  });
});
