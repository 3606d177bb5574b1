import { describe, expect, it } from "vitest";
import { maskBody, truncate } from "./mask-body";

describe("maskBody", () => {
  it("masks secret-looking fields and keeps the rest", () => {
    expect(
      maskBody('{"name":"x","clientSecret":"abc","api_token":"t","nested":{"password":"p"}}'),
    ).toBe('{"name":"x","clientSecret":"***","api_token":"***","nested":{"password":"***"}}');
  });
});

describe("truncate", () => {
  it("keeps short text", () => expect(truncate("hello", 10)).toBe("hello"));
  it("cuts long text and says how much", () =>
    expect(truncate("a".repeat(20), 10)).toBe("a".repeat(10) + "…[truncated 10 bytes]"));
  it("never splits a multi-byte character", () => {
    const out = truncate("中文字符", 7);
    expect(out.startsWith("中文")).toBe(true);
    expect(out).not.toContain("\uFFFD");
  });
});
