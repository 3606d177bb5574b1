import { describe, expect, it } from "vitest";
import { scopeGranted } from "./scopes";

describe("scopeGranted", () => {
  it.each([
    [["org:read"], "org:read", true],
    [["read"], "org:read", true],
    [["read"], "employees:read", true],
    [["read"], "sync:write", false],
    [["sync:read"], "sync:write", false],
    [["sync:write"], "sync:read", false],
    [["events:write"], "read", false],
    [[], "org:read", false],
  ] as const)("%j grants %s: %s", (granted, required, expected) => {
    expect(scopeGranted(granted, required)).toBe(expected);
  });
});
