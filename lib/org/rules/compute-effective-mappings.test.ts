import { describe, expect, it } from "vitest";
import type { Mapping } from "@/lib/sync/types";
import { computeEffectiveMappings } from "./compute-effective-mappings";

// XH ─ RD ─ FE ─ FE1
//    │    └ BE
//    └ HR
const UNITS = [
  { code: "XH" },
  { code: "RD", parentCode: "XH" },
  { code: "FE", parentCode: "RD" },
  { code: "FE1", parentCode: "FE" },
  { code: "BE", parentCode: "RD" },
  { code: "HR", parentCode: "XH" },
];

const m = (orgUnitCode: string, mode: Mapping["mode"], includeDescendants = true): Mapping => ({
  orgUnitCode,
  mode,
  includeDescendants,
  namingTemplate: "{name}",
});

type Row = {
  name: string;
  mappings: Mapping[];
  expect: Record<string, [status: string, from: string | null]>;
};

const CASES: Row[] = [
  {
    name: "no mappings: everything unmapped",
    mappings: [],
    expect: { XH: ["unmapped", null], RD: ["unmapped", null], FE1: ["unmapped", null] },
  },
  {
    name: "root MIRROR with descendants is inherited all the way down",
    mappings: [m("XH", "MIRROR")],
    expect: {
      XH: ["mapped", "XH"],
      RD: ["inherited", "XH"],
      FE: ["inherited", "XH"],
      FE1: ["inherited", "XH"],
      HR: ["inherited", "XH"],
    },
  },
  {
    name: "EXCLUDE with descendants excludes the subtree and stops inheritance",
    mappings: [m("XH", "MIRROR"), m("RD", "EXCLUDE")],
    expect: {
      XH: ["mapped", "XH"],
      RD: ["excluded", "RD"],
      FE: ["excluded", "RD"],
      FE1: ["excluded", "RD"],
      BE: ["excluded", "RD"],
      HR: ["inherited", "XH"],
    },
  },
  {
    name: "EXCLUDE without descendants leaves the subtree unmapped",
    mappings: [m("XH", "MIRROR"), m("RD", "EXCLUDE", false)],
    expect: {
      RD: ["excluded", "RD"],
      FE: ["unmapped", null],
      FE1: ["unmapped", null],
      HR: ["inherited", "XH"],
    },
  },
  {
    name: "an explicit mapping below an EXCLUDE re-includes its subtree",
    mappings: [m("XH", "MIRROR"), m("RD", "EXCLUDE"), m("FE", "LINK")],
    expect: {
      RD: ["excluded", "RD"],
      FE: ["mapped", "FE"],
      FE1: ["inherited", "FE"],
      BE: ["excluded", "RD"],
    },
  },
  {
    name: "MIRROR without descendants maps only the unit; an ancestor above it still governs below",
    mappings: [m("XH", "MIRROR"), m("RD", "MIRROR", false)],
    expect: { RD: ["mapped", "RD"], FE: ["inherited", "XH"], FE1: ["inherited", "XH"] },
  },
  {
    name: "MIRROR without descendants and nothing above leaves the children unmapped",
    mappings: [m("RD", "MIRROR", false)],
    expect: {
      XH: ["unmapped", null],
      RD: ["mapped", "RD"],
      FE: ["unmapped", null],
      BE: ["unmapped", null],
    },
  },
  {
    name: "nearest ancestor wins",
    mappings: [m("XH", "MIRROR"), m("FE", "MIRROR")],
    expect: { FE1: ["inherited", "FE"], BE: ["inherited", "XH"] },
  },
];

describe("computeEffectiveMappings", () => {
  it.each(CASES)("$name", ({ mappings, expect: expected }) => {
    const result = computeEffectiveMappings({ units: UNITS, mappings });
    for (const [code, [status, from]] of Object.entries(expected)) {
      const got = result.get(code)!;
      expect({ code, status: got.status, from: got.fromUnitCode }).toEqual({ code, status, from });
    }
  });

  it("agrees with the unit order not mattering (parents after children)", () => {
    const result = computeEffectiveMappings({
      units: [...UNITS].reverse(),
      mappings: [m("XH", "MIRROR"), m("RD", "EXCLUDE")],
    });
    expect(result.get("FE1")?.status).toBe("excluded");
    expect(result.get("HR")?.status).toBe("inherited");
  });
});
