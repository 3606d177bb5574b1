// Row-level writes of the sync memory (ImGroup / ImAccount columns). Used by the
// per-change recorder and the memory-update recorder, always inside a transaction.
import { db, type Prisma } from "@/lib/db/client";
import type { AccountMemory, GroupMemory } from "@/lib/sync/types";

type Tx = Prisma.TransactionClient;

export type GroupRowExtra = {
  /** The group's current IM name, when known (defaults to the remembered name on create). */
  imName?: string;
  /** The group's current IM parent, when known. */
  imParent?: string | null;
};

/** Stores a group's memory (name, parent, accepted-over HR values). */
export async function saveGroupMemory(tx: Tx, connectionId: string, m: GroupMemory, extra: GroupRowExtra = {}): Promise<void> {
  const memory = {
    lastSyncedName: m.name,
    lastSyncedParentExternalId: m.parentExternalId ?? null,
    acceptedHrName: m.hrName ?? null,
    acceptedHrParentExternalId: m.hrParentExternalId ?? null,
    deleted: false,
  };
  const im = {
    ...(extra.imName !== undefined ? { name: extra.imName } : {}),
    ...(extra.imParent !== undefined ? { parentExternalId: extra.imParent } : {}),
  };
  await tx.imGroup.upsert({
    where: { connectionId_externalId: { connectionId, externalId: m.externalId } },
    create: { connectionId, externalId: m.externalId, name: m.name, parentExternalId: m.parentExternalId ?? null, ...im, ...memory },
    update: { ...im, ...memory },
  });
}

/** Drops a group's sync memory (the IM group may live on, unmanaged). */
export async function forgetGroupMemory(tx: Tx, connectionId: string, externalId: string, deleted = false): Promise<void> {
  await tx.imGroup.updateMany({
    where: { connectionId, externalId },
    data: { lastSyncedName: null, lastSyncedParentExternalId: null, acceptedHrName: null, acceptedHrParentExternalId: null, orgUnitCode: null, ...(deleted ? { deleted: true } : {}) },
  });
}

/** Points an org unit at its mirrored group (null: it has none); one group per unit. */
export async function setUnitGroup(tx: Tx, connectionId: string, orgUnitCode: string, externalId: string | null): Promise<void> {
  await tx.imGroup.updateMany({
    where: { connectionId, orgUnitCode, ...(externalId ? { externalId: { not: externalId } } : {}) },
    data: { orgUnitCode: null },
  });
  if (!externalId) return;
  await tx.imGroup.upsert({
    where: { connectionId_externalId: { connectionId, externalId } },
    create: { connectionId, externalId, name: "", orgUnitCode },
    update: { orgUnitCode, deleted: false },
  });
}

/** The IM group created (or adopted) for a unit, from memory. */
export async function findUnitGroup(connectionId: string, orgUnitCode: string): Promise<string | undefined> {
  const row = await db.imGroup.findFirst({ where: { connectionId, orgUnitCode, deleted: false }, select: { externalId: true } });
  return row?.externalId;
}

export type AccountRowPatch = Partial<Omit<AccountMemory, "employeeNo" | "disabledAt" | "syncedHash">> & {
  /** null clears (never synced). */
  syncedHash?: string | null;
  /** ISO instant; null clears. */
  disabledAt?: string | null;
  /** IM groups the account was put in, when known. */
  groupIds?: string[];
};

/** Stores an employee's account memory on this connection (created on first write). */
export async function saveAccountMemory(tx: Tx, connectionId: string, employeeNo: string, patch: AccountRowPatch): Promise<void> {
  const employee = await tx.employee.findUnique({ where: { employeeNo }, select: { id: true } });
  if (!employee) throw new Error(`Employee ${employeeNo} is not in the directory`);
  const data = {
    ...(patch.imUserId !== undefined ? { imUserId: patch.imUserId } : {}),
    ...(patch.state !== undefined ? { state: patch.state } : {}),
    ...(patch.syncedHash !== undefined ? { syncedHash: patch.syncedHash } : {}),
    ...(patch.disabledAt !== undefined ? { disabledAt: patch.disabledAt ? new Date(patch.disabledAt) : null } : {}),
    ...(patch.groupIds !== undefined ? { groupIds: patch.groupIds } : {}),
    lastError: null,
  };
  if (patch.imUserId !== undefined) {
    // A deleted account's user id may come back for someone else (WeCom reuses freed ids).
    await tx.imAccount.deleteMany({ where: { connectionId, imUserId: patch.imUserId, state: "DELETED", NOT: { employeeId: employee.id } } });
  }
  const existing = await tx.imAccount.findUnique({ where: { connectionId_employeeId: { connectionId, employeeId: employee.id } }, select: { id: true } });
  if (existing) {
    await tx.imAccount.update({ where: { id: existing.id }, data });
    return;
  }
  if (patch.imUserId === undefined) throw new Error(`No IM account remembered for ${employeeNo}`);
  await tx.imAccount.create({ data: { connectionId, employeeId: employee.id, imUserId: patch.imUserId, state: patch.state ?? "ACTIVE", ...data } });
}
