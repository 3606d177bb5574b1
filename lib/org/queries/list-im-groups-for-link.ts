import type { ConnectorRuntimeOptions } from "@/lib/connectors";
import { AppError } from "@/lib/core/errors";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import type { LinkableImGroup } from "../types";

export type { LinkableImGroup };

/** Above this the picker would be unusable anyway; the IM's own admin UI is the place for such trees. */
const MAX_GROUPS = 5000;

// Someone is waiting on the form: fail within seconds rather than after the sync's long retry schedule.
const INTERACTIVE: ConnectorRuntimeOptions = {
  timeoutMs: 10_000,
  retry: { maxAttempts: 2, baseDelayMs: 300, maxDelayMs: 1_000 },
};

/** The IM's live group list, for choosing a LINK target. An unreachable IM is a typed error the form can show. */
export async function listImGroupsForLink(
  connectionId: string,
  runtime: ConnectorRuntimeOptions = INTERACTIVE,
): Promise<LinkableImGroup[]> {
  const groups: { id: string; name: string; parentId?: string }[] = [];
  try {
    const { target } = await openImTarget(connectionId, runtime);
    for await (const g of target.listGroups()) {
      groups.push({ id: g.id, name: g.name, parentId: g.parentId });
      if (groups.length >= MAX_GROUPS) break;
    }
  } catch (err) {
    console.error("[org] listGroups failed", err);
    throw new AppError(
      502,
      "im_unreachable",
      "The IM could not be reached to list its groups. Check the connection and try again.",
    );
  }
  const byId = new Map(groups.map((g) => [g.id, g]));
  const pathOf = (id: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let g = byId.get(id);
      g && !seen.has(g.id);
      g = g.parentId ? byId.get(g.parentId) : undefined
    ) {
      seen.add(g.id);
      names.unshift(g.name);
    }
    return names.join(" / ");
  };
  return groups
    .map((g) => ({ externalId: g.id, name: g.name, path: pathOf(g.id) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
