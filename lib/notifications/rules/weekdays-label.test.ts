import { describe, expect, it } from "vitest";
import { weekdaysLabel } from "./weekdays-label";

const names = (d: number) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d - 1];

describe("weekdaysLabel", () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7], "every day"],
    [[1, 2, 3, 4, 5], "Mon–Fri"],
    [[5, 1, 3], "Mon, Wed, Fri"],
    [[6, 7], "Sat, Sun"],
    [[1, 2, 3, 5, 6, 7], "Mon–Wed, Fri–Sun"],
    [[], ""],
  ])("%j → %s", (days, expected) => {
    expect(weekdaysLabel(days, names, "every day")).toBe(expected);
  });
});
