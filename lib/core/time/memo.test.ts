import { describe, expect, it } from "vitest";
import { addCalendarDays } from "./add-calendar-days";
import { localDayStart } from "./local-day-start";
import { memo } from "./memo";

describe("memo", () => {
  it("computes each key once and returns the remembered value after", () => {
    const calls: string[] = [];
    const upper = memo((k) => (calls.push(k), k.toUpperCase()));
    expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("does not remember a computation that threw", () => {
    let n = 0;
    const flaky = memo(() => {
      n += 1;
      if (n === 1) throw new Error("first");
      return n;
    });
    expect(() => flaky("k")).toThrow("first");
    expect(flaky("k")).toBe(2);
    expect(flaky("k")).toBe(2);
  });

  it("gives each caller of a remembered day start its own Date", () => {
    const a = localDayStart("2026-03-08", "America/Havana");
    a.setTime(0);
    expect(localDayStart("2026-03-08", "America/Havana").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(addCalendarDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(RangeError);
  });
});
