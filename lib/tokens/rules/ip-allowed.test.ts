import { describe, expect, it } from "vitest";
import { ipAllowed, isValidCidr } from "./ip-allowed";

describe("ipAllowed", () => {
  it.each([
    ["10.1.2.3", [], true],
    ["10.1.2.3", ["10.0.0.0/8"], true],
    ["11.1.2.3", ["10.0.0.0/8"], false],
    ["203.0.113.7", ["203.0.113.7"], true],
    ["203.0.113.8", ["203.0.113.7"], false],
    ["::ffff:10.0.0.1", ["10.0.0.0/8"], true],
    ["2001:db8::1", ["2001:db8::/32"], true],
    ["2001:db9::1", ["2001:db8::/32"], false],
    ["10.0.0.1", ["2001:db8::/32"], false],
    [null, ["10.0.0.0/8"], false],
    ["not-an-ip", ["10.0.0.0/8"], false],
  ])("%s in %j → %s", (ip, list, expected) => {
    expect(ipAllowed(ip, list)).toBe(expected);
  });
});

describe("isValidCidr", () => {
  it.each([
    ["10.0.0.0/8", true],
    ["2001:db8::/32", true],
    ["1.2.3.4", true],
    ["10.0.0.0/33", false],
    ["example.com", false],
  ])("%s → %s", (entry, ok) => expect(isValidCidr(entry)).toBe(ok));
});
