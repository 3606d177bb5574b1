import type { PlannedChange } from "../types";

/**
 * The changes one employee's provisioning needs: their account changes, plus the creates of the
 * groups those changes wait for (and of those groups' new parents). Other group drift a scoped plan
 * sees is left to the regular sync, so provisioning one person never reshapes the tree beside them.
 */
export function changesForEmployee(changes: PlannedChange[], employeeNo: string): PlannedChange[] {
  const createsByUnit = new Map<string, PlannedChange>();
  for (const c of changes) if (c.op === "group.create") createsByUnit.set(c.after.unitCode, c);
  const needed = new Set<string>();
  const need = (unitCode: string) => {
    while (!needed.has(unitCode)) {
      const create = createsByUnit.get(unitCode);
      if (!create || create.op !== "group.create") return;
      needed.add(unitCode);
      const parent = create.after.parent;
      if (!parent || !("pendingUnitCode" in parent)) return;
      unitCode = parent.pendingUnitCode;
    }
  };
  const own = changes.filter((c) => c.targetType === "im_account" && c.targetKey === employeeNo);
  for (const c of own) {
    const refs =
      c.op === "account.create" ? c.after.groups : c.op === "account.move" ? c.after.add : [];
    for (const r of refs) if ("pendingUnitCode" in r) need(r.pendingUnitCode);
  }
  // Kept in plan order: parents are created before children, groups before accounts.
  return changes.filter(
    (c) => (c.op === "group.create" && needed.has(c.after.unitCode)) || own.includes(c),
  );
}
