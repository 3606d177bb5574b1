import { describe, expect, it } from "vitest";
import { makePolicy } from "@/lib/notifications/rules/test-fixtures";
import { diffPolicies } from "./diff-policies";

describe("diffPolicies", () => {
  const base = makePolicy();
  it.each([
    ["nothing changed", base, []],
    [
      "a name",
      { ...base, nameEn: "Reviews" },
      [{ field: "nameEn", before: base.nameEn, after: "Reviews" }],
    ],
    [
      "quiet hours window",
      { ...base, quietHours: { ...base.quietHours, start: "21:00", weekdays: [5, 1] } },
      [
        { field: "quietHours.start", before: base.quietHours.start, after: "21:00" },
        {
          field: "quietHours.weekdays",
          before: [...base.quietHours.weekdays].sort().join(","),
          after: "1,5",
        },
      ],
    ],
    [
      "throttle set",
      { ...base, throttlePerDay: 3 },
      [{ field: "throttlePerDay", before: "—", after: "3" }],
    ],
    [
      "empty description = none",
      { ...base, descriptionEn: "" },
      base.descriptionEn
        ? [{ field: "descriptionEn", before: base.descriptionEn, after: "—" }]
        : [],
    ],
  ] as const)("%s", (_name, after, expected) => {
    expect(diffPolicies(base, after as typeof base)).toEqual(expected);
  });

  it("weekday order alone is no change", () => {
    const a = { ...base, quietHours: { ...base.quietHours, weekdays: [1, 2, 3] } };
    const b = { ...base, quietHours: { ...base.quietHours, weekdays: [3, 1, 2] } };
    expect(diffPolicies(a, b)).toEqual([]);
  });

  it("the first version has no diff", () => {
    expect(diffPolicies(null, base)).toEqual([]);
  });

  it("reads a stored version that lacks newer fields", () => {
    const old = { key: base.key, nameZh: base.nameZh, nameEn: base.nameEn } as Partial<typeof base>;
    expect(diffPolicies(old, base).map((c) => c.field)).toContain("mandatory");
  });
});
