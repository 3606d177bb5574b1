import { applyMemoryUpdates } from "./apply-memory-updates";
import type {
  GroupMemory,
  GroupRef,
  ImGroupState,
  ImState,
  ImUserState,
  ManagerRef,
  SyncMemory,
  SyncPlan,
} from "../types";

export type SimulatePlanInput = {
  /** IM before the run. */
  im: ImState;
  /** Memory before the run. */
  memory: SyncMemory;
  /** The plan (or a resolution's effects), applied in full and successfully. */
  plan: Pick<SyncPlan, "changes" | "memoryUpdates">;
  /** Id the IM platform would give a created group; defaults to "g-<unit code>". */
  groupIdFor?: (unitCode: string) => string;
};

/**
 * IM and memory after a plan applied without errors — for dry-run previews and
 * as the executable spec of what the executor records per change:
 * group.create → unitGroups[unit] = new id and group memory; rename/move →
 * group memory (hrName/hrParentExternalId from `after`, cleared when absent);
 * account.create/update → syncedHash; state per lifecycle op; disabledAt = effectiveAt.
 */
export function simulatePlan(input: SimulatePlanInput): { im: ImState; memory: SyncMemory } {
  const idFor = input.groupIdFor ?? ((code: string) => `g-${code}`);
  const groups = new Map<string, ImGroupState>(
    input.im.groups.map((g) => [g.externalId, { ...g }]),
  );
  const users = new Map<string, ImUserState>(
    input.im.users.map((u) => [u.imUserId, { ...u, groupIds: [...u.groupIds] }]),
  );
  const memory = applyMemoryUpdates(input.memory, input.plan.memoryUpdates);
  const groupMemory = new Map(memory.groups.map((g) => [g.externalId, g]));
  const unitGroups = new Map(memory.unitGroups.map((u) => [u.orgUnitCode, u.externalId]));
  const accounts = new Map(memory.accounts.map((a) => [a.employeeNo, a]));
  const created = new Map<string, string>();
  const resolve = (ref: GroupRef | null): string | undefined =>
    !ref ? undefined : "externalId" in ref ? ref.externalId : created.get(ref.pendingUnitCode);
  // A manager created earlier in the run is found by the account recorded for them.
  const manager = (ref: ManagerRef | null): string =>
    !ref
      ? ""
      : "imUserId" in ref
        ? ref.imUserId
        : (accounts.get(ref.pendingEmployeeNo)?.imUserId ?? "");

  for (const c of input.plan.changes) {
    switch (c.op) {
      case "group.create": {
        const externalId = idFor(c.after.unitCode);
        const parentExternalId = resolve(c.after.parent);
        created.set(c.after.unitCode, externalId);
        groups.set(
          externalId,
          withParent<ImGroupState>({ externalId, name: c.after.name }, parentExternalId),
        );
        groupMemory.set(
          externalId,
          withParent<GroupMemory>({ externalId, name: c.after.name }, parentExternalId),
        );
        unitGroups.set(c.after.unitCode, externalId);
        break;
      }
      case "group.rename": {
        groups.get(c.after.externalId)!.name = c.after.name;
        const m = groupMemory.get(c.after.externalId) ?? {
          externalId: c.after.externalId,
          name: c.after.name,
        };
        m.name = c.after.name;
        m.hrName = c.after.hrName;
        if (m.hrName === undefined) delete m.hrName;
        groupMemory.set(m.externalId, m);
        break;
      }
      case "group.move": {
        const parent = resolve(c.after.parent);
        const g = groups.get(c.after.externalId)!;
        g.parentExternalId = parent;
        if (parent === undefined) delete g.parentExternalId;
        const m = groupMemory.get(g.externalId) ?? { externalId: g.externalId, name: g.name };
        groupMemory.set(g.externalId, {
          ...withParent({ ...m }, parent),
          ...hrParent(c.after.hrParentExternalId),
        });
        if (c.after.hrParentExternalId === undefined)
          delete groupMemory.get(g.externalId)!.hrParentExternalId;
        break;
      }
      case "group.delete":
        groups.delete(c.before.externalId);
        groupMemory.delete(c.before.externalId);
        unitGroups.delete(c.targetKey);
        break;
      case "account.create": {
        const { fields } = c.after;
        users.set(c.after.imUserId, {
          imUserId: c.after.imUserId,
          name: fields.name ?? "",
          ...(fields.email ? { email: fields.email } : {}),
          ...(fields.mobile ? { mobile: fields.mobile } : {}),
          groupIds: c.after.groups.map((g) => resolve(g)!),
          enabled: !c.after.enableAt,
          ...(c.after.manager ? { managerId: manager(c.after.manager) } : {}),
        });
        accounts.set(c.targetKey, {
          employeeNo: c.targetKey,
          imUserId: c.after.imUserId,
          state: c.after.enableAt ? "PENDING" : "ACTIVE",
          syncedHash: c.after.syncedHash,
        });
        break;
      }
      case "account.update": {
        const u = users.get(c.after.imUserId)!;
        for (const field of ["name", "email", "mobile"] as const) {
          const value = c.after.fields[field];
          if (value === undefined) continue;
          if (field === "name") u.name = value;
          else if (value === "") delete u[field];
          else u[field] = value;
        }
        if (c.after.enabled) u.enabled = true;
        if (c.after.manager !== undefined) u.managerId = manager(c.after.manager);
        const a = accounts.get(c.targetKey)!;
        if (c.after.syncedHash) a.syncedHash = c.after.syncedHash;
        if (c.after.enabled) {
          a.state = "ACTIVE";
          delete a.disabledAt;
        }
        break;
      }
      case "account.move": {
        const u = users.get(c.after.imUserId)!;
        const next = new Set([...u.groupIds, ...c.after.add.map((g) => resolve(g)!)]);
        for (const id of c.after.remove) next.delete(id);
        u.groupIds = [...next];
        break;
      }
      case "account.suspend":
        users.get(c.after.imUserId)!.enabled = false;
        accounts.get(c.targetKey)!.state = "SUSPENDED";
        break;
      case "account.disable": {
        users.get(c.after.imUserId)!.enabled = false;
        const a = accounts.get(c.targetKey);
        if (a) {
          a.state = "DISABLED";
          a.disabledAt = c.after.effectiveAt;
        }
        break;
      }
      case "account.delete":
        users.delete(c.after.imUserId);
        accounts.get(c.targetKey)!.state = "DELETED";
        break;
    }
  }
  return {
    im: { groups: [...groups.values()], users: [...users.values()] },
    memory: {
      groups: [...groupMemory.values()],
      accounts: [...accounts.values()],
      unitGroups: [...unitGroups.entries()].map(([orgUnitCode, externalId]) => ({
        orgUnitCode,
        externalId,
      })),
    },
  };
}

function withParent<T extends { parentExternalId?: string }>(
  value: T,
  parent: string | undefined,
): T {
  if (parent === undefined) delete value.parentExternalId;
  else value.parentExternalId = parent;
  return value;
}

function hrParent(value: string | undefined): Partial<GroupMemory> {
  return value === undefined ? {} : { hrParentExternalId: value };
}
