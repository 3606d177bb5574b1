import type { ImGroupRecord, ImTarget } from "@/lib/connectors";
import { mapAhead } from "@/lib/connectors/core/collect";
import { db } from "@/lib/core/db";

/** department/get calls in flight for the groups the shortcut cannot vouch for. */
const GET_GROUP_CONCURRENCY = 8;

export type ListImGroupsOptions = {
  /** The IM_TARGET connection (its remembered groups). */
  connectionId: string;
  target: ImTarget;
  /** The platform root the planner strips (platformRootGroup): a top-level group's parent. */
  rootGroupId?: string;
  /** Read every group in full even where the shortcut applies. */
  deep?: boolean;
};

/**
 * The IM directory's groups for a full plan. Where the connector lists ids and parents cheaply but
 * names only one call per group (WeCom: 10,000 departments, 10,000 department/get calls — most of a
 * no-change resync at 100k), a group OrgBridge wrote and still remembers under the same parent is
 * taken to carry the name OrgBridge last wrote; everything else (groups it never wrote, moved or
 * re-parented ones) is read in full. The cost of the shortcut, as for users (list-im-users.ts): a
 * group renamed by hand in IM since OrgBridge last wrote it is not noticed until a deep read runs
 * (every sync someone asks for, a conflict's recheck, and the scheduled sync once a week); groups
 * deleted or moved by hand are still seen.
 */
export async function* listImGroups(options: ListImGroupsOptions): AsyncGenerator<ImGroupRecord> {
  const { target } = options;
  if (
    options.deep ||
    !target.capabilities.groupRefsCarryParents ||
    !target.listGroupRefs ||
    !target.getGroup
  ) {
    yield* target.listGroups();
    return;
  }
  const getGroup = target.getGroup.bind(target);
  const rows = await db.imGroup.findMany({
    where: { connectionId: options.connectionId, deleted: false, lastSyncedName: { not: null } },
    select: { externalId: true, lastSyncedName: true, lastSyncedParentExternalId: true },
  });
  const remembered = new Map(rows.map((r) => [r.externalId, r]));
  const topLevel = (parent: string | undefined | null) =>
    !parent || parent === options.rootGroupId ? undefined : parent;
  for await (const group of mapAhead(
    target.listGroupRefs(),
    GET_GROUP_CONCURRENCY,
    async (ref): Promise<ImGroupRecord | null> => {
      const known = remembered.get(ref.id);
      if (
        known?.lastSyncedName &&
        topLevel(known.lastSyncedParentExternalId) === topLevel(ref.parentId)
      )
        return { id: ref.id, name: known.lastSyncedName, parentId: ref.parentId, order: ref.order };
      return getGroup(ref.id);
    },
  ))
    if (group) yield group;
}
