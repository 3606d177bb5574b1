import { describe, expect, it } from "vitest";
import { hashesEqual, hashToken, mintToken, parseToken } from "./token-format";

describe("token format", () => {
  it("mints tokens that parse back to their prefix and hash stably", () => {
    const { token, prefix, hash } = mintToken();
    expect(parseToken(token)).toEqual({ prefix });
    expect(hashToken(token)).toBe(hash);
    expect(hash).not.toContain(token.slice(17));
  });
  it.each([
    "",
    "obt_",
    "Bearer obt_x",
    "obt_0123456789ab_short",
    "xyz_0123456789ab_" + "a".repeat(43),
  ])("rejects %j", (t) => {
    expect(parseToken(t)).toBeNull();
  });
  it("compares hashes in constant time and by value", () => {
    const h = hashToken("a");
    expect(hashesEqual(h, hashToken("a"))).toBe(true);
    expect(hashesEqual(h, hashToken("b"))).toBe(false);
    expect(hashesEqual(h, "00")).toBe(false);
  });
});
