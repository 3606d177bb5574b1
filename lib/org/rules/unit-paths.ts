/**
 * Each unit's code followed by its ancestors' codes, nearest first. A parent cycle or a missing
 * parent ends the chain where it breaks, so a bad HR tree narrows a subtree rule instead of looping.
 */
export function unitPaths(
  units: readonly { code: string; parentCode?: string | null }[],
): Map<string, string[]> {
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode ?? undefined]));
  const paths = new Map<string, string[]>();
  for (const u of units) {
    const path = [u.code];
    let next = parentOf.get(u.code);
    while (next && parentOf.has(next) && !path.includes(next)) {
      path.push(next);
      next = parentOf.get(next);
    }
    paths.set(u.code, path);
  }
  return paths;
}
