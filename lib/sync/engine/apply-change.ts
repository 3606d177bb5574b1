import { ConnectorError, type ImTarget } from "@/lib/connectors";
import { db, type Prisma } from "@/lib/core/db";
import { createGroupAdoptingSibling } from "./create-group-adopting-sibling";
import { createUnitGroupOnce } from "./create-unit-group-once";
import { dropManagerSlot } from "@/lib/sync/rules/drop-manager-slot";
import { createUserRequest, updateUserRequest } from "@/lib/sync/rules/im-user-requests";
import type { GroupMemory, GroupRef, ManagerRef, PlannedChange } from "@/lib/sync/types";
import { handOverOwnedGroups } from "./hand-over-owned-groups";
import {
  findUnitGroup,
  forgetGroupMemory,
  setUnitGroup,
  type AccountRowPatch,
  type CreatedGroup,
} from "./memory-rows";
import { recordOutcomes } from "./record-outcomes";

/** A SyncChange row as stored (before/after are the planner's JSON). */
export type StoredChange = {
  id: string;
  op: string;
  targetType: string;
  targetKey: string;
  before: unknown;
  after: unknown;
  status: "PLANNED" | "APPLIED" | "FAILED" | "SKIPPED";
};

export type ApplyChangeOptions = {
  /** The IM_TARGET connection the run syncs. */
  connectionId: string;
  /** Its live connector. */
  target: ImTarget;
  /** The change to apply. */
  change: StoredChange;
  /** Platform root group: the parent of top-level groups (see platform-root-group.ts). */
  rootGroupId?: string;
  /** The instant disables are compared against; defaults to now. */
  now?: Date;
};

export type ApplyChangeResult = {
  status: "APPLIED" | "FAILED" | "SKIPPED";
  errorCode?: string;
  error?: string;
};

type RecordMemory = (tx: Prisma.TransactionClient) => Promise<void>;

/** What an applied change leaves to record: group rows written one by one, account rows in bulk. */
export type MemoryWrite =
  | { kind: "rows"; write: RecordMemory }
  | { kind: "groupCreated"; group: CreatedGroup }
  | {
      kind: "account";
      employeeNo: string;
      patch: AccountRowPatch;
      /** Applied, with something left out the change log should say (e.g. a manager not created). */
      note?: { errorCode: string; error: string };
    };

/** One change's result, not yet recorded (see `recordOutcomes`). */
export type ChangeOutcome = ApplyChangeResult & { changeId: string; memory?: MemoryWrite };

/** Shared by the changes of one batch. */
export type ApplyContext = Omit<ApplyChangeOptions, "change"> & {
  /** Unit code → its group (null: none), from memory plus the groups this batch created or deleted. */
  unitGroups?: Map<string, string | null>;
  /**
   * Incremental runs claim each new unit's group under a lock (concurrent pushes into one new
   * department must make one group); a full sync is alone on its target (the engine's shared
   * concurrency key) and creates groups directly, recording them a batch at a time.
   */
  claimGroups?: boolean;
  /** One listing of the IM's groups per batch, made only when a create finds its name taken. */
  listedGroups?: { groups?: Promise<Map<string, string>> };
  /**
   * Employee number → IM user id of the accounts managers are looked up in: those the batch found at its
   * start (null: none) and those it created since. A manager not in it is read from the account memory.
   */
  accountIds?: Map<string, string | null>;
};

class ApplyFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Applies one planned change through the IM connector, records the memory the
 * sync README prescribes, and marks the SyncChange APPLIED, FAILED (with the
 * connector's code and message) or SKIPPED (a disable not yet due). Never throws
 * for an IM refusal: one item failing does not fail the run. Idempotent: an
 * APPLIED change is not applied again, and a create repeated after a crash
 * finds what the first attempt made.
 */
export async function applyChange(options: ApplyChangeOptions): Promise<ApplyChangeResult> {
  const { change, ...ctx } = options;
  const outcome = await performChange(ctx, change);
  if (!outcome) return { status: change.status as "APPLIED" | "SKIPPED" };
  const [recorded] = await recordOutcomes(options.connectionId, [outcome]);
  return {
    status: recorded.status,
    ...(recorded.errorCode ? { errorCode: recorded.errorCode, error: recorded.error } : {}),
  };
}

/**
 * The IM half of `applyChange`: calls the connector and returns what to record, without writing
 * anything (null: the change is already APPLIED or SKIPPED). Never throws for an IM refusal.
 */
export async function performChange(
  ctx: ApplyContext,
  change: StoredChange,
): Promise<ChangeOutcome | null> {
  if (change.status === "APPLIED" || change.status === "SKIPPED") return null;
  const planned = {
    op: change.op,
    targetType: change.targetType,
    targetKey: change.targetKey,
    before: change.before,
    after: change.after,
  } as PlannedChange;
  try {
    const outcome = await perform(ctx, planned);
    if (outcome === "not_due") {
      const after = planned.after as { effectiveAt?: string };
      return {
        changeId: change.id,
        status: "SKIPPED",
        errorCode: "not_due",
        error: `Takes effect at ${after.effectiveAt}; a later run applies it.`,
      };
    }
    const note = outcome.kind === "account" ? outcome.note : undefined;
    return { changeId: change.id, status: "APPLIED", memory: outcome, ...note };
  } catch (err) {
    const failure = describeFailure(err);
    return {
      changeId: change.id,
      status: "FAILED",
      errorCode: failure.code,
      error: failure.message,
    };
  }
}

function describeFailure(err: unknown): { code: string; message: string } {
  if (err instanceof ConnectorError) return { code: err.code, message: err.message };
  if (err instanceof ApplyFailure) return { code: err.code, message: err.message };
  return { code: "error", message: err instanceof Error ? err.message : String(err) };
}

async function perform(options: ApplyContext, c: PlannedChange): Promise<MemoryWrite | "not_due"> {
  const { target, connectionId, rootGroupId } = options;
  const unitGroups = options.unitGroups ?? new Map<string, string | null>();
  const unitGroup = async (code: string): Promise<string | undefined> => {
    if (!unitGroups.has(code))
      unitGroups.set(code, (await findUnitGroup(connectionId, code)) ?? null);
    return unitGroups.get(code) ?? undefined;
  };
  const rows = (write: RecordMemory): MemoryWrite => ({ kind: "rows", write });
  const account = (patch: AccountRowPatch, note?: { errorCode: string; error: string }) => ({
    kind: "account" as const,
    employeeNo: c.targetKey,
    patch,
    ...(note ? { note } : {}),
  });
  // A manager created earlier in the run: from this batch, else from the account memory recorded before.
  const manager = async (ref: ManagerRef | null | undefined) => {
    if (!ref || "imUserId" in ref) return ref ? ref.imUserId : ref;
    const no = ref.pendingEmployeeNo;
    const known = options.accountIds?.get(no);
    if (known !== undefined) return known ?? undefined;
    const row = await db.imAccount.findFirst({
      where: { connectionId, employee: { employeeNo: no }, state: { in: ["PENDING", "ACTIVE"] } },
      select: { imUserId: true },
    });
    return row?.imUserId;
  };
  const managerNote = (ref: ManagerRef | null | undefined) =>
    ref && "pendingEmployeeNo" in ref
      ? {
          errorCode: "manager_not_created",
          error: `Manager ${ref.pendingEmployeeNo} was not created earlier in the run: written without the manager; the next sync sets it.`,
        }
      : undefined;
  const resolve = async (ref: GroupRef | null): Promise<string | undefined> => {
    if (!ref) return undefined;
    if ("externalId" in ref) return ref.externalId;
    const id = await unitGroup(ref.pendingUnitCode);
    if (!id)
      throw new ApplyFailure(
        "parent_not_created",
        `Group for unit ${ref.pendingUnitCode} was not created earlier in the run`,
      );
    return id;
  };

  switch (c.op) {
    case "group.create": {
      // Already created by an earlier attempt of this change (crash between IM call and bookkeeping).
      const existing = await unitGroup(c.after.unitCode);
      const parent = await resolve(c.after.parent);
      const id =
        existing ??
        (options.claimGroups === false
          ? await createGroupAdoptingSibling(
              target,
              c.after.name,
              parent ?? rootGroupId,
              (options.listedGroups ??= {}),
            )
          : (
              await createUnitGroupOnce({
                connectionId,
                target,
                unitCode: c.after.unitCode,
                name: c.after.name,
                parentExternalId: parent ?? null,
                platformParentId: parent ?? rootGroupId,
              })
            ).externalId);
      unitGroups.set(c.after.unitCode, id);
      return {
        kind: "groupCreated",
        group: {
          orgUnitCode: c.after.unitCode,
          externalId: id,
          name: c.after.name,
          parentExternalId: parent ?? null,
        },
      };
    }
    case "group.rename": {
      await target.updateGroup(c.after.externalId, { name: c.after.name });
      return rows(async (tx) => {
        await tx.imGroup.updateMany({
          where: { connectionId, externalId: c.after.externalId },
          data: {
            name: c.after.name,
            lastSyncedName: c.after.name,
            acceptedHrName: c.after.hrName ?? null,
          },
        });
      });
    }
    case "group.move": {
      const parent = await resolve(c.after.parent);
      const platformParent = parent ?? rootGroupId;
      if (!platformParent)
        throw new ApplyFailure(
          "unsupported",
          "This platform has no root group to move a group to the top level",
        );
      await target.updateGroup(c.after.externalId, { parentId: platformParent });
      return rows(async (tx) => {
        await tx.imGroup.updateMany({
          where: { connectionId, externalId: c.after.externalId },
          data: {
            parentExternalId: parent ?? null,
            lastSyncedParentExternalId: parent ?? null,
            acceptedHrParentExternalId: c.after.hrParentExternalId ?? null,
          },
        });
      });
    }
    case "group.delete": {
      await ignoreNotFound(() => target.deleteGroup(c.before.externalId));
      unitGroups.set(c.targetKey, null);
      return rows(async (tx) => {
        await forgetGroupMemory(tx, connectionId, c.before.externalId, true);
        await setUnitGroup(tx, connectionId, c.targetKey, null);
      });
    }
    case "account.create": {
      const groupIds = await resolveAll(c.after.groups, resolve);
      const { fields } = c.after;
      const managerId = await manager(c.after.manager);
      const missing = managerId === undefined ? managerNote(c.after.manager) : undefined;
      try {
        await target.createUser(createUserRequest(c, groupIds, managerId ?? undefined));
      } catch (err) {
        if (!(
          err instanceof ConnectorError &&
          err.kind === "conflict" &&
          (await isSameUser(target, c.after.imUserId, fields))
        ))
          throw err;
      }
      // Pre-boarding: the platforms create users enabled, so the hire is held disabled until day one.
      if (c.after.enableAt) await target.disableUser(c.after.imUserId);
      options.accountIds?.set(c.targetKey, c.after.imUserId);
      return account(
        {
          imUserId: c.after.imUserId,
          state: c.after.enableAt ? "PENDING" : "ACTIVE",
          syncedHash: missing ? dropManagerSlot(c.after.syncedHash) : c.after.syncedHash,
          groupIds,
          disabledAt: null,
        },
        missing,
      );
    }
    case "account.update": {
      const managerId = await manager(c.after.manager);
      const missing = managerId === undefined ? managerNote(c.after.manager) : undefined;
      await target.updateUser(c.after.imUserId, updateUserRequest(c, managerId));
      const { syncedHash } = c.after;
      return account(
        {
          ...(syncedHash ? { syncedHash: missing ? dropManagerSlot(syncedHash) : syncedHash } : {}),
          ...(c.after.enabled ? { state: "ACTIVE" as const, disabledAt: null } : {}),
        },
        missing,
      );
    }
    case "account.move": {
      const add = await resolveAll(c.after.add, resolve);
      const current = await target.getUser(c.after.imUserId);
      if (!current)
        throw new ApplyFailure("not_found", `IM user ${c.after.imUserId} no longer exists`);
      const next = [...new Set([...current.groupIds, ...add])].filter(
        (id) => !c.after.remove.includes(id),
      );
      // Main department follows HR: the first group the plan adds.
      await target.setGroupMembership(c.after.imUserId, next, {
        mainGroupId: add[0] ?? current.mainGroupId,
      });
      return account({ groupIds: next });
    }
    case "account.suspend": {
      await target.disableUser(c.after.imUserId);
      return account({ state: "SUSPENDED" });
    }
    case "account.disable": {
      if (Date.parse(c.after.effectiveAt) > (options.now ?? new Date()).getTime()) return "not_due";
      const { imUserId } = c.after;
      await target.disableUser(imUserId);
      await handOverOwnedGroups({ connectionId, target, employeeNo: c.targetKey, imUserId });
      return account({ state: "DISABLED", disabledAt: c.after.effectiveAt });
    }
    case "account.delete": {
      await ignoreNotFound(() => target.deleteUser(c.after.imUserId));
      return account({ state: "DELETED" });
    }
  }
}

async function resolveAll(
  refs: GroupRef[],
  resolve: (ref: GroupRef) => Promise<string | undefined>,
): Promise<string[]> {
  const out: string[] = [];
  for (const ref of refs) {
    const id = await resolve(ref);
    if (id) out.push(id);
  }
  return out;
}

async function isSameUser(
  target: ImTarget,
  id: string,
  fields: { name?: string; email?: string; mobile?: string },
): Promise<boolean> {
  const user = await target.getUser(id);
  if (!user || user.name !== fields.name) return false;
  return (
    (!!fields.email && user.email?.toLowerCase() === fields.email.toLowerCase()) ||
    (!!fields.mobile && user.mobile === fields.mobile)
  );
}

async function ignoreNotFound(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof ConnectorError && err.kind === "not_found")) throw err;
  }
}
