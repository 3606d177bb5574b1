export type UnitParentLink = { code: string; parentCode?: string | null };

export type UnitPlacement = {
  /** Codes from the top of the known chain down to the unit, e.g. "/XH/XH-RD/XH-RD-FE". */
  path: string;
  /** 0 for a top-level unit. */
  depth: number;
};

/**
 * Materialised path and depth of every unit from its parent chain. A missing
 * parent ends the chain there (the unit is placed as if top level); a cycle is
 * cut where it closes, so every unit still gets a finite path.
 */
export function materialiseUnitPaths(units: Iterable<UnitParentLink>): Map<string, UnitPlacement> {
  const parentOf = new Map<string, string | undefined>();
  for (const u of units) parentOf.set(u.code, u.parentCode ?? undefined);
  const out = new Map<string, UnitPlacement>();
  for (const code of parentOf.keys()) {
    if (out.has(code)) continue;
    const chain: string[] = [];
    const seen = new Set<string>();
    let base: UnitPlacement | undefined;
    for (
      let c: string | undefined = code;
      c !== undefined && parentOf.has(c) && !seen.has(c);
      c = parentOf.get(c)
    ) {
      const known = out.get(c);
      if (known) {
        base = known;
        break;
      }
      seen.add(c);
      chain.push(c);
    }
    let path = base?.path ?? "";
    let depth = base ? base.depth : -1;
    for (let i = chain.length - 1; i >= 0; i--) {
      path = `${path}/${chain[i]}`;
      depth++;
      out.set(chain[i], { path, depth });
    }
  }
  return out;
}
