import { describe, expect, test } from "vitest";
import { toJsonError } from "./errors";
import { storableResult } from "./finish-run";
import { findUnstorableStep, findUnstorableText } from "./unstorable-text";

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

describe("findUnstorableStep", () => {
  test("names the step and the path under output, error, opts or name", () => {
    expect(findUnstorableStep({ id: "h1", name: "load", data: { a: ["\u0000"] } })).toBe(
      'step "load": output.a[0]: contains NUL (\\u0000), which cannot be stored',
    );
    expect(findUnstorableStep({ id: "h1", name: "load", error: { message: "\ud800" } })).toBe(
      'step "load": error.message: contains a lone UTF-16 surrogate, which is not valid Unicode',
    );
    expect(findUnstorableStep({ id: "h1", name: "w", opts: { if: "a\u0000" } })).toMatch(
      /^step "w": opts\.if: contains NUL/,
    );
  });

  test("a step whose name cannot be stored is named by its hashed id", () => {
    expect(findUnstorableStep({ id: "h2", name: "bad\udc00", data: 1 })).toBe(
      'step "h2": name[0]: contains a lone UTF-16 surrogate, which is not valid Unicode',
    );
  });

  test("accepts a storable step", () => {
    expect(findUnstorableStep({ id: "h3", name: "ok", data: { a: "😀" }, opts: {} })).toBeNull();
  });
});

describe("what the engine stores instead", () => {
  test("an error with unstorable text becomes one saying where", () => {
    expect(toJsonError({ name: "Error", message: "bad\u0000" })).toEqual({
      name: "Error",
      message: "error.message: contains NUL (\\u0000), which cannot be stored",
    });
    expect(toJsonError({ name: "TypeError", message: "fine" })).toEqual({
      name: "TypeError",
      message: "fine",
    });
  });

  test("a run output with unstorable text fails the run", () => {
    expect(storableResult({ output: { r: "\u0000" } })).toEqual({
      error: {
        name: "NonRetriableError",
        message: "output.r: contains NUL (\\u0000), which cannot be stored",
      },
    });
    expect(storableResult({ output: { r: "ok" } })).toEqual({ output: { r: "ok" } });
  });
});
