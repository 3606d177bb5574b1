export type DepartmentUnit = { code: string; name: string; active: boolean };

export type DepartmentMatch =
  | { unitCode: string; by: "code" | "name" | "fallback" }
  | { unitCode: undefined; reason: "none" | "unmatched" | "ambiguous" };

/**
 * Places a SCIM user's `department` in the org: an active unit whose code is exactly the department,
 * else the one active unit whose name matches it (ignoring case and surrounding space), else the
 * connection's fallback unit. Two units of that name are ambiguous: no guess.
 */
export function matchDepartment(
  department: string | undefined,
  units: DepartmentUnit[],
  fallbackUnitCode?: string,
): DepartmentMatch {
  const wanted = department?.trim();
  const fallback = (reason: "none" | "unmatched" | "ambiguous"): DepartmentMatch =>
    fallbackUnitCode && units.some((u) => u.active && u.code === fallbackUnitCode)
      ? { unitCode: fallbackUnitCode, by: "fallback" }
      : { unitCode: undefined, reason };
  if (!wanted) return fallback("none");
  const active = units.filter((u) => u.active);
  const byCode = active.find((u) => u.code === wanted);
  if (byCode) return { unitCode: byCode.code, by: "code" };
  const key = wanted.toLowerCase();
  const byName = active.filter((u) => u.name.trim().toLowerCase() === key);
  if (byName.length === 1) return { unitCode: byName[0].code, by: "name" };
  return fallback(byName.length > 1 ? "ambiguous" : "unmatched");
}
