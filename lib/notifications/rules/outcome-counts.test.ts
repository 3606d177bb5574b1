import { describe, expect, it } from "vitest";
import { emptyOutcomeCounts, outcomeCountsById } from "./outcome-counts";

describe("outcomeCountsById", () => {
  it("folds grouped rows per notification and fills missing statuses with 0", () => {
    const byId = outcomeCountsById([
      { notificationId: "a", status: "SENT", _count: { _all: 3 } },
      { notificationId: "a", status: "DEFERRED", _count: { _all: 1 } },
      { notificationId: "b", status: "FAILED", _count: { _all: 2 } },
    ]);
    expect(byId.get("a")).toEqual({ ...emptyOutcomeCounts(), SENT: 3, DEFERRED: 1 });
    expect(byId.get("b")).toEqual({ ...emptyOutcomeCounts(), FAILED: 2 });
    expect(byId.get("c")).toBeUndefined();
  });

  it("no rows, no entries", () => {
    expect(outcomeCountsById([]).size).toBe(0);
  });
});
