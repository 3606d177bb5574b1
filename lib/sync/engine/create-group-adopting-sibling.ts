import { ConnectorError, type ImTarget } from "@/lib/connectors";

/**
 * Creates a group on the IM; when the platform refuses the name as taken (a retried create whose
 * first attempt reached the IM before a crash), the sibling of that name under that parent is ours.
 * `listed` lets the changes of one batch share a single listing: after a crash every create the dead
 * attempt left unrecorded lands here, and listing 10k groups once per group would dominate the apply.
 */
export async function createGroupAdoptingSibling(
  target: ImTarget,
  name: string,
  parentId: string | undefined,
  listed?: { groups?: Promise<Map<string, string>> },
): Promise<string> {
  try {
    return (await target.createGroup({ name, ...(parentId ? { parentId } : {}) })).id;
  } catch (err) {
    if (!(err instanceof ConnectorError && err.kind === "conflict")) throw err;
    const key = (parent: string | undefined, n: string) => `${parent ?? ""}\u0000${n}`;
    const cache = listed ?? {};
    cache.groups ??= (async () => {
      const byKey = new Map<string, string>();
      for await (const g of target.listGroups()) byKey.set(key(g.parentId, g.name), g.id);
      return byKey;
    })();
    const found = (await cache.groups).get(key(parentId, name));
    if (found) return found;
    throw err;
  }
}
