import { describe, expect, it } from "vitest";
import { disabledKind } from "./disabled-kind";

describe("disabledKind", () => {
  it.each([
    [true, null, null],
    [true, "manual", null],
    [false, null, "manual"],
    [false, "manual", "manual"],
    [false, "The receiver answered 410 Gone.", "gone"],
    [false, "gone", "gone"],
    [false, "Failing continuously for 24 hours since 2026-03-09T10:00:00Z", "auto"],
    [false, "auto_disabled", "auto"],
  ] as const)("enabled=%s reason=%s → %s", (enabled, disabledReason, kind) => {
    expect(disabledKind({ enabled, disabledReason })).toBe(kind);
  });
});
