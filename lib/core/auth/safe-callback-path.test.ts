import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  test.each([
    ["/\\evil.example"],
    ["/%5Cevil.example"],
    ["/%5cevil.example"],
    ["\\\\evil.example"],
    ["/%09/evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/%0a/evil.example"],
    ["/%00/evil.example"],
    ["//evil.example"],
    ["//evil.example/path"],
    ["/%2F/evil.example"],
    ["/%2f%2fevil.example"],
    ["/.//evil.example"],
    ["///evil.example"],
    ["https://evil.example"],
    ["https://evil.example/?x=http://localhost:3000"],
    ["http://localhost:3000@evil.example/"],
    ["http://user:pass@localhost:3000/"],
    ["http://localhost:3001/"],
    ["https://localhost:3000/"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    [" //evil.example"],
    ["%2F%2Fevil.example"],
    ["/%E0%A4%A"],
    [""],
    [undefined],
    [null],
    [["/a", "/b"]],
    ["/" + "a".repeat(3000)],
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  test.each([
    ["/", "/"],
    ["/sync", "/sync"],
    ["/jobs/abc?tab=steps#step-2", "/jobs/abc?tab=steps#step-2"],
    ["/org?q=%E5%BC%A0", "/org?q=%E5%BC%A0"],
    ["http://localhost:3000/tokens", "/tokens"],
    ["/a/../users", "/users"],
  ])("keeps the same-origin path %j", (raw, want) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(want);
  });
});
