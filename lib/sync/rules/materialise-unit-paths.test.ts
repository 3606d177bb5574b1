import { describe, expect, it } from "vitest";
import { materialiseUnitPaths } from "./materialise-unit-paths";

describe("materialiseUnitPaths", () => {
  it.each([
    [
      "a tree, children listed first",
      [{ code: "FE", parentCode: "RD" }, { code: "RD", parentCode: "XH" }, { code: "XH" }],
      { XH: ["/XH", 0], RD: ["/XH/RD", 1], FE: ["/XH/RD/FE", 2] },
    ],
    ["a missing parent ends the chain", [{ code: "FE", parentCode: "GONE" }], { FE: ["/FE", 0] }],
    [
      "a cycle is cut where it closes",
      [
        { code: "A", parentCode: "B" },
        { code: "B", parentCode: "A" },
      ],
      { A: ["/B/A", 1], B: ["/B", 0] },
    ],
  ])("%s", (_name, units, expected) => {
    const out = materialiseUnitPaths(units);
    expect(Object.fromEntries([...out].map(([code, p]) => [code, [p.path, p.depth]]))).toEqual(
      expected,
    );
  });
});
