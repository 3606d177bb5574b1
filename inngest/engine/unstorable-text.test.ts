import { describe, expect, test } from "vitest";
import { findUnstorableText } from "./unstorable-text";

describe("findUnstorableText", () => {
  test.each([
    ["plain values", { a: "x", b: [1, "y", null, true], c: { d: "é 中文 😀" } }],
    ["a surrogate pair (an emoji)", "😀"],
    ["numbers, booleans and null", [0, false, null]],
  ])("accepts %s", (_what, value) => {
    expect(findUnstorableText(value, "data")).toBeNull();
  });

  test.each([
    ["NUL in a string", { a: { b: "x\u0000y" } }, "data.a.b: contains NUL (\\u0000)"],
    ["NUL in an array item", { list: ["ok", "\u0000"] }, "data.list[1]: contains NUL"],
    ["NUL in a key", { ["k\u0000"]: 1 }, 'data["k\\u0000"]: the key contains NUL'],
    ["a lone high surrogate", { a: "x\ud800" }, "data.a: contains a lone UTF-16 surrogate"],
    ["a lone low surrogate", ["\udc00y"], "data[0]: contains a lone UTF-16 surrogate"],
    ["a lone surrogate in a key", { ["\ud83d"]: "v" }, 'data["\\ud83d"]: the key contains a lone'],
    ["a bare string", "\u0000", "data: contains NUL"],
  ])("refuses %s, naming where", (_what, value, message) => {
    expect(findUnstorableText(value, "data")).toContain(message);
  });

  test("an empty root starts the path at the first key", () => {
    expect(findUnstorableText({ name: "a\u0000" }, "")).toMatch(/^name: contains NUL/);
  });

  test("a deeply nested value does not overflow the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep, "data")).toMatch(/^data(\[0\]){100000}: contains NUL/);
  });
});
