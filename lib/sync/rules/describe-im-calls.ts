import { createUserRequest, managerLabel, updateUserRequest } from "./im-user-requests";
import type { GroupRef, PlannedChange } from "../types";

/** One connector call a planned change makes: the method and what it is given. */
export type ImCall = { method: string; payload: Record<string, unknown> };

// A group the run creates first has no id yet; the call list names it by the unit it is for.
function ref(r: GroupRef | null): string | null {
  if (!r) return null;
  return "externalId" in r ? r.externalId : `<new group of ${r.pendingUnitCode}>`;
}

/**
 * The IM connector calls a planned change makes when applied, in order, as apply-change.ts makes
 * them. Payloads hold directory data only: connection credentials never reach a planned change.
 */
export function describeImCalls(c: PlannedChange): ImCall[] {
  switch (c.op) {
    case "group.create":
      return [
        { method: "createGroup", payload: { name: c.after.name, parentId: ref(c.after.parent) } },
      ];
    case "group.rename":
      return [{ method: "updateGroup", payload: { id: c.after.externalId, name: c.after.name } }];
    case "group.move":
      return [
        {
          method: "updateGroup",
          payload: { id: c.after.externalId, parentId: ref(c.after.parent) },
        },
      ];
    case "group.delete":
      return [{ method: "deleteGroup", payload: { id: c.before.externalId } }];
    case "account.create": {
      const create = {
        method: "createUser",
        payload: {
          ...createUserRequest(
            c,
            c.after.groups.map((g) => ref(g)!),
            managerLabel(c.after.manager) ?? undefined,
          ),
        },
      };
      // Pre-boarding: created, then held disabled until the first day starts.
      return c.after.enableAt
        ? [
            create,
            { method: "disableUser", payload: { id: c.after.imUserId, until: c.after.enableAt } },
          ]
        : [create];
    }
    case "account.update":
      return [
        {
          method: "updateUser",
          payload: { id: c.after.imUserId, ...updateUserRequest(c, managerLabel(c.after.manager)) },
        },
      ];
    case "account.move":
      return [
        {
          method: "setGroupMembership",
          payload: {
            id: c.after.imUserId,
            add: c.after.add.map((g) => ref(g)),
            remove: c.after.remove,
          },
        },
      ];
    case "account.suspend":
      return [{ method: "disableUser", payload: { id: c.after.imUserId } }];
    case "account.disable":
      return [
        {
          method: "disableUser",
          payload: { id: c.after.imUserId, effectiveAt: c.after.effectiveAt },
        },
      ];
    case "account.delete":
      return [{ method: "deleteUser", payload: { id: c.after.imUserId } }];
  }
}
