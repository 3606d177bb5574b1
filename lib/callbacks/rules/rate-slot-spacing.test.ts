import { describe, expect, it } from "vitest";
import { rateSlotSpacing } from "./rate-slot-spacing";

describe("rateSlotSpacing", () => {
  it.each([1, 3, 10, 50, 1000])(
    "at %i/s no 1 s window holds more than the limit, even with every send late by the tolerance",
    (limit) => {
      const { intervalMs, lateMs } = rateSlotSpacing(limit);
      // Worst case: the first slot of a window used as late as allowed, the rest on time.
      const starts = Array.from(
        { length: limit * 3 },
        (_, i) => i * intervalMs + (i === 0 ? lateMs : 0),
      );
      let most = 0;
      for (let i = 0, j = 0; i < starts.length; i++) {
        while (starts[i] - starts[j] >= 1000) j++;
        most = Math.max(most, i - j + 1);
      }
      expect(most).toBeLessThanOrEqual(limit);
      // And the rate stays within 2 % of the limit.
      expect(1000 / intervalMs).toBeGreaterThanOrEqual(limit * 0.98);
    },
  );
});
