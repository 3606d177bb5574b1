import { describe, expect, it } from "vitest";
import { evaluateSafetyThreshold } from "./evaluate-safety-threshold";

describe("evaluateSafetyThreshold (trips when destructive > absolute OR destructive > percent% of managed)", () => {
  it.each([
    // destructive, managed, percent, absolute, limit, held
    [10, 100, 10, 50, 10, false],
    [11, 100, 10, 50, 10, true],
    [50, 1000, 10, 50, 50, false],
    [51, 1000, 10, 50, 50, true],
    [51, 100_000, 10, 50, 50, true],
    [0, 0, 10, 50, 0, false],
    [1, 0, 10, 50, 0, true],
    [1, 9, 10, 50, 0, true],
    [1, 10, 10, 50, 1, false],
    [2, 10, 10, 50, 1, true],
    [3, 20, 10, 50, 2, true],
    [2, 80, 2.5, 50, 2, false],
    [3, 80, 2.5, 50, 2, true],
    [100, 100, 100, 1000, 100, false],
  ])(
    "%i of %i managed at %d%% / %i → limit %i, held %s",
    (destructive, managed, percent, absolute, limit, held) => {
      expect(
        evaluateSafetyThreshold({
          destructive,
          managedAccounts: managed,
          threshold: { percent, absolute },
        }),
      ).toEqual({ limit, held });
    },
  );
});
