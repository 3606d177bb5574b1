import type { HrUnit, Mapping } from "../types";

export type GoverningMapping = {
  /** The mapping that decides the unit, or null when the unit is unmapped. */
  mapping: Mapping | null;
  /** Unit the mapping is attached to (the unit itself or an ancestor). */
  fromUnitCode: string | null;
};

export type ResolveGoverningMappingInput = {
  /** The unit to resolve. */
  unitCode: string;
  /** All HR units by code. */
  unitsByCode: ReadonlyMap<string, HrUnit>;
  /** Mappings by org unit code. */
  mappingsByUnit: ReadonlyMap<string, Mapping>;
  /** Optional cache shared across calls in one plan: what a unit passes down to its descendants. */
  inheritedMemo?: Map<string, GoverningMapping>;
};

const NONE: GoverningMapping = { mapping: null, fromUnitCode: null };

/**
 * The unit's own mapping if it has one; otherwise the nearest ancestor mapping
 * with includeDescendants. An ancestor's EXCLUDE ends the search: with
 * includeDescendants it excludes the subtree, without it leaves the subtree
 * unmapped. Ancestor MIRROR/LINK without includeDescendants are skipped.
 */
export function resolveGoverningMapping(input: ResolveGoverningMappingInput): GoverningMapping {
  const own = input.mappingsByUnit.get(input.unitCode);
  if (own) return { mapping: own, fromUnitCode: input.unitCode };
  const parentCode = input.unitsByCode.get(input.unitCode)?.parentCode;
  return parentCode ? passedDown(parentCode, input, new Set([input.unitCode])) : NONE;
}

/** What `code` hands to its descendants. */
function passedDown(
  code: string,
  input: ResolveGoverningMappingInput,
  seen: Set<string>,
): GoverningMapping {
  const memo = input.inheritedMemo?.get(code);
  if (memo) return memo;
  let result: GoverningMapping;
  const own = input.mappingsByUnit.get(code);
  const parentCode = input.unitsByCode.get(code)?.parentCode;
  if (own && (own.includeDescendants || own.mode === "EXCLUDE")) {
    result = own.includeDescendants ? { mapping: own, fromUnitCode: code } : NONE;
  } else if (parentCode && !seen.has(parentCode)) {
    seen.add(code);
    result = passedDown(parentCode, input, seen);
  } else {
    result = NONE;
  }
  input.inheritedMemo?.set(code, result);
  return result;
}
