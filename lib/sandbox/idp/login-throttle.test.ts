import { describe, expect, test } from "vitest";
import { createLoginThrottle } from "./login-throttle";

describe("createLoginThrottle", () => {
  test("locks a login after its failed attempts, whatever the address, and names the wait", async () => {
    const t = createLoginThrottle({ perLogin: 3, perIp: 100, windowSeconds: 900 });
    for (let i = 0; i < 3; i++) {
      expect(await t.check("hr.admin", `198.51.100.${i}`)).toEqual({ allowed: true });
      await t.fail("hr.admin", `198.51.100.${i}`);
    }
    const verdict = await t.check("HR.Admin ", "203.0.113.50");
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed === false && verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdict.allowed === false && verdict.retryAfterSeconds).toBeLessThanOrEqual(900);
    // Another person is not affected.
    expect(await t.check("it.admin", "203.0.113.50")).toEqual({ allowed: true });
  });

  test("locks an address that guesses across many logins", async () => {
    const t = createLoginThrottle({ perLogin: 100, perIp: 4, windowSeconds: 900 });
    for (const login of ["a", "b", "c", "d"]) await t.fail(login, "192.0.2.9");
    expect((await t.check("e", "192.0.2.9")).allowed).toBe(false);
    expect((await t.check("e", "192.0.2.10")).allowed).toBe(true);
  });

  test("a success clears the login's failures", async () => {
    const t = createLoginThrottle({ perLogin: 3, perIp: 100, windowSeconds: 900 });
    await t.fail("zhang.wei", "192.0.2.1");
    await t.fail("zhang.wei", "192.0.2.1");
    await t.succeed("zhang.wei");
    await t.fail("zhang.wei", "192.0.2.1");
    await t.fail("zhang.wei", "192.0.2.1");
    expect((await t.check("zhang.wei", "192.0.2.1")).allowed).toBe(true);
  });
});
