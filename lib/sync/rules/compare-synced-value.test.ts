import { describe, expect, it } from "vitest";
import { compareSyncedValue, type SyncedComparison } from "./compare-synced-value";

describe("compareSyncedValue", () => {
  it.each<
    [
      string,
      string,
      string,
      string | undefined,
      string | undefined,
      "conflict" | "apply_hr",
      SyncedComparison,
    ]
  >([
    ["equal", "A", "A", "X", undefined, "conflict", "in_sync"],
    ["no memory → HR wins", "A", "B", undefined, undefined, "conflict", "apply_hr"],
    ["HR changed, IM untouched", "B", "A", "A", undefined, "conflict", "apply_hr"],
    ["IM changed, HR untouched (groups)", "A", "B", "A", undefined, "conflict", "conflict"],
    ["IM changed, HR untouched (accounts)", "A", "B", "A", undefined, "apply_hr", "apply_hr"],
    ["both changed", "B", "C", "A", undefined, "apply_hr", "conflict"],
    ["IM value accepted earlier, nothing new", "A", "B", "B", "A", "conflict", "accepted_im"],
    ["IM value accepted earlier, HR changes again", "C", "B", "B", "A", "conflict", "apply_hr"],
    ["IM value accepted earlier, IM changes again", "A", "D", "B", "A", "conflict", "conflict"],
  ])("%s", (_name, hr, im, lastIm, lastHr, imOnlyChange, expected) => {
    expect(compareSyncedValue({ hr, im, lastIm, lastHr, imOnlyChange })).toBe(expected);
  });
});
