import type { OrgMappingSummary, OrgTreeUnit } from "../types";

/** Header counts: units per status and the employees no mapping reaches. */
export function summariseOrgMapping(
  units: readonly Pick<OrgTreeUnit, "status" | "directCount">[],
): OrgMappingSummary {
  const summary: OrgMappingSummary = {
    mapped: 0,
    inherited: 0,
    excluded: 0,
    unmapped: 0,
    unmappedEmployees: 0,
  };
  for (const u of units) {
    summary[u.status] += 1;
    if (u.status === "unmapped") summary.unmappedEmployees += u.directCount;
  }
  return summary;
}
