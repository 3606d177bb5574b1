import { describe, expect, it } from "vitest";
import { sanitizeForLog } from "./sanitize-for-log";
import { textProblem } from "./text-problem";

describe("textProblem", () => {
  it("accepts ordinary text with tabs, newlines, CJK and emoji", () => {
    for (const ok of ["", "E1001", "张三\t\n\r", "😀 pair", "\u00e9"])
      expect(textProblem(ok)).toBe(null);
  });
  it("names NUL, control characters and lone surrogates", () => {
    expect(textProblem("a\u0000")).toMatch(/NUL/);
    expect(textProblem("\u001b[31m")).toMatch(/U\+001B/);
    expect(textProblem("\u007f")).toMatch(/U\+007F/);
    expect(textProblem("\ud800")).toMatch(/surrogate/);
    expect(textProblem("\udfff")).toMatch(/surrogate/);
    expect(textProblem("\ud83d\ud83d")).toMatch(/surrogate/);
  });
});

describe("sanitizeForLog", () => {
  it("replaces NUL and lone surrogates, keeps pairs and everything else", () => {
    expect(sanitizeForLog("a\u0000b\ud800c\udc00d😀")).toBe("a\u2400b\ufffdc\ufffdd😀");
    expect(textProblem(sanitizeForLog("\u0000\ud800"))).toBe(null);
  });
});
