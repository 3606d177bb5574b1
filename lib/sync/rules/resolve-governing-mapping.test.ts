import { describe, expect, it } from "vitest";
import { mirror, unit } from "./fixtures";
import { resolveGoverningMapping } from "./resolve-governing-mapping";
import type { HrUnit, Mapping } from "../types";

// Tree: A → B → C → D
const units: HrUnit[] = [unit("A"), unit("B", "A"), unit("C", "B"), unit("D", "C")];

function governing(mappings: Mapping[], code: string) {
  const result = resolveGoverningMapping({
    unitCode: code,
    unitsByCode: new Map(units.map((u) => [u.code, u])),
    mappingsByUnit: new Map(mappings.map((m) => [m.orgUnitCode, m])),
  });
  return result.mapping ? `${result.mapping.mode}@${result.fromUnitCode}` : "none";
}

describe("resolveGoverningMapping", () => {
  it.each<[string, Mapping[], string, string]>([
    ["no mappings", [], "D", "none"],
    [
      "own mapping wins",
      [mirror("A"), mirror("D", { mode: "LINK", imGroupExternalId: "x" })],
      "D",
      "LINK@D",
    ],
    [
      "own mapping without includeDescendants still governs itself",
      [mirror("D", { includeDescendants: false })],
      "D",
      "MIRROR@D",
    ],
    ["inherits from nearest ancestor", [mirror("A"), mirror("B")], "D", "MIRROR@B"],
    [
      "skips ancestor without includeDescendants",
      [mirror("A"), mirror("C", { includeDescendants: false })],
      "D",
      "MIRROR@A",
    ],
    [
      "child of a non-inheriting mapping with no other ancestor is unmapped",
      [mirror("C", { includeDescendants: false })],
      "D",
      "none",
    ],
    [
      "EXCLUDE with descendants excludes the subtree",
      [mirror("A"), mirror("B", { mode: "EXCLUDE" })],
      "D",
      "EXCLUDE@B",
    ],
    [
      "EXCLUDE without descendants stops inheritance: subtree unmapped",
      [mirror("A"), mirror("B", { mode: "EXCLUDE", includeDescendants: false })],
      "D",
      "none",
    ],
    [
      "explicit mapping under an EXCLUDE re-includes",
      [mirror("B", { mode: "EXCLUDE" }), mirror("C")],
      "D",
      "MIRROR@C",
    ],
    ["LINK inherited", [mirror("A", { mode: "LINK", imGroupExternalId: "g" })], "C", "LINK@A"],
    ["top unit without mapping", [mirror("B")], "A", "none"],
  ])("%s", (_name, mappings, code, expected) => {
    expect(governing(mappings, code)).toBe(expected);
  });

  it("terminates on a parent cycle", () => {
    const cyclic = [unit("X", "Y"), unit("Y", "X")];
    const result = resolveGoverningMapping({
      unitCode: "X",
      unitsByCode: new Map(cyclic.map((u) => [u.code, u])),
      mappingsByUnit: new Map(),
    });
    expect(result.mapping).toBeNull();
  });
});
