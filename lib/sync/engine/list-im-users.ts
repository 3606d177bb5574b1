import type { ImTarget, ImUserRecord } from "@/lib/connectors";
import { mapAhead } from "@/lib/connectors/core/collect";
import { matchesSyncedHash } from "@/lib/sync/rules/matches-synced-hash";
import type { ImUserState, PlanInput } from "@/lib/sync/types";

/** user/get calls in flight for the users the shortcut cannot vouch for. */
const GET_USER_CONCURRENCY = 16;

export type ListImUsersOptions = {
  target: ImTarget;
  hr: PlanInput["hr"];
  memory: PlanInput["memory"];
  /** Read every user in full even where the shortcut applies. */
  deep?: boolean;
};

/**
 * The IM directory's users for a full plan. Where the connector lists ids and memberships cheaply but
 * full records only one call per user (WeCom), a user whose remembered account was synced with exactly
 * the HR values HR holds now (`matchesSyncedHash`) is taken to have those values and its remembered
 * enabled state; its memberships still come from the listing. Everyone else is read in full. The cost of
 * the shortcut: a field edited by hand in IM since the last write is not noticed until HR changes the
 * account or a deep read (`deep`) runs; deletions and membership changes made by hand are still seen.
 */
export async function* listImUsers(options: ListImUsersOptions): AsyncGenerator<ImUserState> {
  const { target, hr, memory } = options;
  if (options.deep || !target.capabilities.userRefsCarryGroups) {
    for await (const u of target.listUsers()) yield toState(u);
    return;
  }
  const fold = (id: string) => (target.capabilities.userIdCaseInsensitive ? id.toLowerCase() : id);
  const employees = new Map(hr.employees.map((e) => [e.employeeNo, e]));
  const vouched = new Map<string, ImUserState>();
  for (const a of memory.accounts) {
    const employee = employees.get(a.employeeNo);
    if (!employee || a.state === "DELETED" || a.state === "PENDING") continue;
    // Managers are compared with memory alone for a vouched user, so its hash must remember one.
    if (!matchesSyncedHash(employee, a.syncedHash, target.capabilities.managerField)) continue;
    vouched.set(fold(a.imUserId), {
      imUserId: a.imUserId,
      name: employee.name,
      ...(employee.email ? { email: employee.email } : {}),
      ...(employee.mobile ? { mobile: employee.mobile } : {}),
      groupIds: [],
      enabled: a.state === "ACTIVE",
    });
  }
  employees.clear();
  for await (const user of mapAhead(target.listUserRefs(), GET_USER_CONCURRENCY, async (ref) => {
    const known = vouched.get(fold(ref.id));
    if (known && ref.id === known.imUserId) return { ...known, groupIds: ref.groupIds };
    const full = await target.getUser(ref.id);
    return full ? toState(full) : null;
  }))
    if (user) yield user;
}

function toState(u: ImUserRecord): ImUserState {
  return {
    imUserId: u.id,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.mobile ? { mobile: u.mobile } : {}),
    groupIds: u.groupIds,
    enabled: u.enabled,
    ...(u.managerId !== undefined ? { managerId: u.managerId } : {}),
  };
}
