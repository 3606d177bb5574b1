import {
  resolveGoverningMapping,
  type GoverningMapping,
} from "@/lib/sync/rules/resolve-governing-mapping";
import type { HrUnit, Mapping } from "@/lib/sync/types";
import type { MappingStatus } from "../types";

export type ComputeEffectiveMappingsOptions = {
  /** Every unit shown, with its parent's code. */
  units: readonly { code: string; parentCode?: string | null }[];
  /** The connection's mappings, in the planner's shape. */
  mappings: readonly Mapping[];
};

export type EffectiveMapping = GoverningMapping & {
  status: MappingStatus;
};

/**
 * Per unit code: the governing mapping and the status the screen shows. Uses the
 * planner's resolveGoverningMapping so the screen and the sync always agree.
 */
export function computeEffectiveMappings(
  options: ComputeEffectiveMappingsOptions,
): Map<string, EffectiveMapping> {
  const unitsByCode = new Map<string, HrUnit>();
  for (const u of options.units) {
    unitsByCode.set(u.code, {
      code: u.code,
      name: u.code,
      active: true,
      ...(u.parentCode ? { parentCode: u.parentCode } : {}),
    });
  }
  const mappingsByUnit = new Map(options.mappings.map((m) => [m.orgUnitCode, m]));
  const inheritedMemo = new Map<string, GoverningMapping>();
  const out = new Map<string, EffectiveMapping>();
  for (const unit of options.units) {
    const governing = resolveGoverningMapping({
      unitCode: unit.code,
      unitsByCode,
      mappingsByUnit,
      inheritedMemo,
    });
    out.set(unit.code, { ...governing, status: statusOf(unit.code, governing) });
  }
  return out;
}

function statusOf(code: string, governing: GoverningMapping): MappingStatus {
  if (!governing.mapping) return "unmapped";
  if (governing.mapping.mode === "EXCLUDE") return "excluded";
  return governing.fromUnitCode === code ? "mapped" : "inherited";
}
