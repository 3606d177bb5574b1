// DB-free: the tree component flattens the visible rows on every expand/search.

export type TreeNode = { id: string; code: string; name: string; parentId: string | null };

export type TreeIndex<T extends TreeNode> = {
  roots: T[];
  childrenOf: Map<string, T[]>;
  byId: Map<string, T>;
};

export type VisibleRow<T extends TreeNode> = {
  node: T;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  match: boolean;
};

/** Children lists sorted by code, built once per data load. */
export function indexTree<T extends TreeNode>(nodes: readonly T[]): TreeIndex<T> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    if (n.parentId && byId.has(n.parentId)) {
      const list = childrenOf.get(n.parentId) ?? [];
      list.push(n);
      childrenOf.set(n.parentId, list);
    } else roots.push(n);
  }
  const byCode = (a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  roots.sort(byCode);
  for (const list of childrenOf.values()) list.sort(byCode);
  return { roots, childrenOf, byId };
}

export type FlattenOptions = {
  /** Units the user expanded. */
  expanded: ReadonlySet<string>;
  /** Search text (name or code, case-insensitive); empty for none. */
  query: string;
};

/**
 * The rows to draw, depth-first. With a search, only matches and their
 * ancestors show (ancestors open); a match the user expands shows its children.
 */
export function flattenVisibleRows<T extends TreeNode>(
  index: TreeIndex<T>,
  options: FlattenOptions,
): VisibleRow<T>[] {
  const q = options.query.trim().toLowerCase();
  const matches = new Set<string>();
  const onPath = new Set<string>();
  if (q) {
    for (const n of index.byId.values()) {
      if (!n.name.toLowerCase().includes(q) && !n.code.toLowerCase().includes(q)) continue;
      matches.add(n.id);
      const seen = new Set<string>();
      for (
        let p = n.parentId ? index.byId.get(n.parentId) : undefined;
        p && !seen.has(p.id);
        p = p.parentId ? index.byId.get(p.parentId) : undefined
      ) {
        seen.add(p.id);
        onPath.add(p.id);
      }
    }
  }
  const rows: VisibleRow<T>[] = [];
  const stack: { node: T; depth: number }[] = [];
  const push = (list: readonly T[], depth: number, filter: boolean) => {
    for (let i = list.length - 1; i >= 0; i--) {
      if (!filter || matches.has(list[i].id) || onPath.has(list[i].id))
        stack.push({ node: list[i], depth });
    }
  };
  push(index.roots, 0, !!q);
  const visited = new Set<string>();
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    const children = index.childrenOf.get(node.id) ?? [];
    const userOpen = options.expanded.has(node.id);
    const expanded = children.length > 0 && (userOpen || onPath.has(node.id));
    rows.push({
      node,
      depth,
      hasChildren: children.length > 0,
      expanded,
      match: matches.has(node.id),
    });
    if (expanded) push(children, depth + 1, !!q && !userOpen);
  }
  return rows;
}

/** Ids of every unit that has children (for "expand all"). */
export function allParentIds<T extends TreeNode>(index: TreeIndex<T>): Set<string> {
  return new Set(index.childrenOf.keys());
}
