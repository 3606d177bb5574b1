import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
