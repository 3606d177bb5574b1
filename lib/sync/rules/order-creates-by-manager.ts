import type { AccountCreateChange } from "../types";

/**
 * Puts each new account after the new account of its manager (managers first, level by level; ties keep
 * employee-number order), so a create that names a manager created in the same run finds the manager's
 * IM id. Manager loops never reach here as pending references (they are conflicts).
 */
export function orderCreatesByManager(creates: AccountCreateChange[]): AccountCreateChange[] {
  const byNo = new Map(creates.map((c) => [c.targetKey, c]));
  const level = new Map<string, number>();
  const levelOf = (no: string, seen: Set<string>): number => {
    const known = level.get(no);
    if (known !== undefined) return known;
    const manager = byNo.get(no)?.after.manager;
    let value = 0;
    if (manager && "pendingEmployeeNo" in manager && !seen.has(no)) {
      seen.add(no);
      value = byNo.has(manager.pendingEmployeeNo)
        ? levelOf(manager.pendingEmployeeNo, seen) + 1
        : 0;
    }
    level.set(no, value);
    return value;
  };
  const ranked = creates.map((c, i) => ({ c, i, level: levelOf(c.targetKey, new Set()) }));
  ranked.sort((a, b) => a.level - b.level || a.i - b.i);
  return ranked.map((r) => r.c);
}
