import { describe, expect, it } from "vitest";
import { narrowScopes } from "./narrow-scopes";

describe("narrowScopes", () => {
  it.each([
    [null, ["org:read", "sync:write"], ["org:read", "sync:write"]],
    [["org:read"], ["org:read", "sync:write"], ["org:read"]],
    [["org:read", "org:read"], ["org:read"], ["org:read"]],
  ])("asked %j of %j → %j", (asked, granted, expected) => {
    expect(narrowScopes(asked, granted)).toEqual(expected);
  });

  it("refuses a scope the client is not granted, naming it", () => {
    expect(() => narrowScopes(["org:read", "sync:write"], ["org:read"])).toThrow(/sync:write/);
    expect(() => narrowScopes(["read"], ["org:read"])).toThrow(
      expect.objectContaining({ code: "invalid_scope" }),
    );
  });
});
