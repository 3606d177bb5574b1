/**
 * Employees whose manager chain loops back to themselves (A→B→A, longer loops, oneself), each with
 * the loop in chain order starting from them. Someone whose chain only runs into a loop is not on it.
 * Linear: each employee is walked once.
 */
export function findManagerCycles(
  employeeNos: Iterable<string>,
  managerOf: (employeeNo: string) => string | undefined,
): Map<string, string[]> {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const known = new Set(employeeNos);
  for (const start of known) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && known.has(current) && !done.has(current)) {
      if (onPath.has(current)) {
        const loop = path.slice(onPath.get(current));
        loop.forEach((no, i) => cycles.set(no, [...loop.slice(i), ...loop.slice(0, i)]));
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = managerOf(current);
    }
    for (const no of path) done.add(no);
  }
  return cycles;
}
