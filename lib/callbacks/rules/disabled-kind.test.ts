import { describe, expect, it } from "vitest";
import { disabledKind } from "./disabled-kind";

// The reason texts these kinds used to be parsed from are covered where they are now mapped, by the
// migration's backfill (lib/callbacks/disabled-kind-backfill.int.test.ts).
describe("disabledKind", () => {
  it.each([
    [true, null, null],
    [true, "MANUAL", null],
    [false, null, "manual"],
    [false, "MANUAL", "manual"],
    [false, "GONE_410", "gone"],
    [false, "AUTO_FAILING", "auto"],
  ] as const)("enabled=%s kind=%s → %s", (enabled, kind, shown) => {
    expect(disabledKind({ enabled, disabledKind: kind })).toBe(shown);
  });
});
