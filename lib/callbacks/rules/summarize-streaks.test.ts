import { describe, expect, it } from "vitest";
import type { DeliveryOutcome } from "../delivery-types";
import { summarizeStreaks } from "./summarize-streaks";

const at = (s: number) => new Date(Date.UTC(2026, 6, 1, 0, 0, s));
const o = (endpointId: string, kind: "success" | "failure" | null, s: number) =>
  ({ endpointId, streak: kind ? { kind, at: at(s) } : null }) as DeliveryOutcome;

describe("summarizeStreaks", () => {
  it("folds a batch per endpoint in time order, whatever order the outcomes arrived in", () => {
    const changes = summarizeStreaks([
      o("a", "failure", 3),
      o("a", "success", 2),
      o("a", "failure", 4),
      o("b", "failure", 5),
      o("b", "failure", 1),
      o("c", "failure", 1),
      o("c", "success", 2),
      o("d", null, 1),
    ]);
    expect(changes.sort((x, y) => x.endpointId.localeCompare(y.endpointId))).toEqual([
      { endpointId: "a", cleared: true, failingFrom: at(3) }, // a success, then a new streak
      { endpointId: "b", cleared: false, failingFrom: at(1) }, // keeps an existing streak if any
      { endpointId: "c", cleared: true, failingFrom: null }, // the last word was a success
    ]);
  });
});
