// Row-level writes of the sync memory (ImGroup / ImAccount columns). Used by the
// per-change recorder and the memory-update recorder, always inside a transaction.
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/core/db";
import type { AccountMemory, GroupMemory } from "@/lib/sync/types";

type Tx = Prisma.TransactionClient;

export type GroupRowExtra = {
  /** The group's current IM name, when known (defaults to the remembered name on create). */
  imName?: string;
  /** The group's current IM parent, when known. */
  imParent?: string | null;
};

/** Stores a group's memory (name, parent, accepted-over HR values). */
export async function saveGroupMemory(
  tx: Tx,
  connectionId: string,
  m: GroupMemory,
  extra: GroupRowExtra = {},
): Promise<void> {
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
    create: {
      connectionId,
      externalId: m.externalId,
      name: m.name,
      parentExternalId: m.parentExternalId ?? null,
      ...im,
      ...memory,
    },
    update: { ...im, ...memory },
  });
}

/** Drops a group's sync memory (the IM group may live on, unmanaged). */
export async function forgetGroupMemory(
  tx: Tx,
  connectionId: string,
  externalId: string,
  deleted = false,
): Promise<void> {
  await tx.imGroup.updateMany({
    where: { connectionId, externalId },
    data: {
      lastSyncedName: null,
      lastSyncedParentExternalId: null,
      acceptedHrName: null,
      acceptedHrParentExternalId: null,
      orgUnitCode: null,
      ...(deleted ? { deleted: true } : {}),
    },
  });
}

/** Points an org unit at its mirrored group (null: it has none); one group per unit. */
export async function setUnitGroup(
  tx: Tx,
  connectionId: string,
  orgUnitCode: string,
  externalId: string | null,
): Promise<void> {
  await tx.imGroup.updateMany({
    where: {
      connectionId,
      orgUnitCode,
      ...(externalId ? { externalId: { not: externalId } } : {}),
    },
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
export async function findUnitGroup(
  connectionId: string,
  orgUnitCode: string,
): Promise<string | undefined> {
  const row = await db.imGroup.findFirst({
    where: { connectionId, orgUnitCode, deleted: false },
    select: { externalId: true },
  });
  return row?.externalId;
}

export type AccountRowPatch = Partial<
  Omit<AccountMemory, "employeeNo" | "disabledAt" | "syncedHash">
> & {
  /** null clears (never synced). */
  syncedHash?: string | null;
  /** ISO instant; null clears. */
  disabledAt?: string | null;
  /** IM groups the account was put in, when known. */
  groupIds?: string[];
};

/** Stores an employee's account memory on this connection (created on first write). */
export async function saveAccountMemory(
  tx: Tx,
  connectionId: string,
  employeeNo: string,
  patch: AccountRowPatch,
): Promise<void> {
  const employee = await tx.employee.findUnique({ where: { employeeNo }, select: { id: true } });
  if (!employee) throw new Error(`Employee ${employeeNo} is not in the directory`);
  const data = {
    ...(patch.imUserId !== undefined ? { imUserId: patch.imUserId } : {}),
    ...(patch.state !== undefined ? { state: patch.state } : {}),
    ...(patch.syncedHash !== undefined ? { syncedHash: patch.syncedHash } : {}),
    ...(patch.disabledAt !== undefined
      ? { disabledAt: patch.disabledAt ? new Date(patch.disabledAt) : null }
      : {}),
    ...(patch.groupIds !== undefined ? { groupIds: patch.groupIds } : {}),
    lastError: null,
  };
  if (patch.imUserId !== undefined) {
    // A deleted account's user id may come back for someone else (WeCom reuses freed ids).
    await tx.imAccount.deleteMany({
      where: {
        connectionId,
        imUserId: patch.imUserId,
        state: "DELETED",
        NOT: { employeeId: employee.id },
      },
    });
  }
  const existing = await tx.imAccount.findUnique({
    where: { connectionId_employeeId: { connectionId, employeeId: employee.id } },
    select: { id: true },
  });
  if (existing) {
    await tx.imAccount.update({ where: { id: existing.id }, data });
    return;
  }
  if (patch.imUserId === undefined) throw new Error(`No IM account remembered for ${employeeNo}`);
  await tx.imAccount.create({
    data: {
      connectionId,
      employeeId: employee.id,
      imUserId: patch.imUserId,
      state: patch.state ?? "ACTIVE",
      ...data,
    },
  });
}

/**
 * `saveAccountMemory` for many accounts at once (a batch's applied changes): one statement to free reused
 * user ids, one upsert for the rows a patch sets whole (creates), and for the others one statement to
 * create missing rows and one to patch them. Several patches of one employee are applied
 * in order. Returns the employee numbers that could not be written (not in the directory, or no account
 * remembered and no user id to create one with).
 */
export async function saveAccountMemories(
  tx: Tx,
  connectionId: string,
  patches: { employeeNo: string; patch: AccountRowPatch }[],
): Promise<Set<string>> {
  const merged = new Map<string, AccountRowPatch>();
  for (const { employeeNo, patch } of patches)
    merged.set(employeeNo, { ...merged.get(employeeNo), ...patch });
  if (merged.size === 0) return new Set();
  const rows = [...merged];
  const whole = rows.filter((r): r is [string, Required<AccountRowPatch>] => isWholeRow(r[1]));
  const partial = rows.filter(([, p]) => !isWholeRow(p));
  // A deleted account's user id may come back for someone else (WeCom reuses freed ids).
  const withId = rows.filter(([, p]) => p.imUserId !== undefined);
  if (withId.length > 0)
    await tx.$executeRaw`
      DELETE FROM "ImAccount" AS a
      USING unnest(${withId.map(([no]) => no)}::text[], ${withId.map(([, p]) => p.imUserId)}::text[]) AS u(no, im)
      JOIN "Employee" AS e ON e."employeeNo" = u.no
      WHERE a."connectionId" = ${connectionId} AND a."imUserId" = u.im AND a.state = 'DELETED' AND a."employeeId" <> e.id`;
  const written = [
    ...(whole.length > 0 ? await upsertWholeRows(tx, connectionId, whole) : []),
    ...(partial.length > 0 ? await patchRows(tx, connectionId, partial) : []),
  ];
  const done = new Set(written);
  return new Set(rows.map(([no]) => no).filter((no) => !done.has(no)));
}

/** A patch that sets every remembered field (an account a create just made): written whole, in one upsert. */
function isWholeRow(p: AccountRowPatch): p is Required<AccountRowPatch> {
  return (
    p.imUserId !== undefined &&
    p.state !== undefined &&
    p.syncedHash !== undefined &&
    p.disabledAt !== undefined &&
    p.groupIds !== undefined
  );
}

/**
 * Whole rows in one INSERT … ON CONFLICT: a create's row written once (an insert then an update of the
 * same rows cost twice the writes and a second round of foreign-key checks). Returns the employee
 * numbers written.
 */
async function upsertWholeRows(
  tx: Tx,
  connectionId: string,
  rows: [string, Required<AccountRowPatch>][],
): Promise<string[]> {
  const written = await tx.$queryRaw<{ no: string }[]>`
    WITH up AS (
      INSERT INTO "ImAccount" (id, "connectionId", "employeeId", "imUserId", state, "syncedHash", "disabledAt", "groupIds", "lastError", "createdAt", "updatedAt")
      SELECT u.id, ${connectionId}, e.id, u.im, u.state::"ImAccountState", u.hash, u.disabled::timestamptz AT TIME ZONE 'UTC',
             ARRAY(SELECT jsonb_array_elements_text(u.groups::jsonb)), NULL, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map(([no]) => no)}::text[], ${rows.map(([, p]) => p.imUserId)}::text[],
                  ${rows.map(([, p]) => p.state)}::text[], ${rows.map(([, p]) => p.syncedHash)}::text[], ${rows.map(([, p]) => p.disabledAt)}::text[],
                  ${rows.map(([, p]) => JSON.stringify(p.groupIds))}::text[])
           AS u(id, no, im, state, hash, disabled, groups)
      JOIN "Employee" AS e ON e."employeeNo" = u.no
      ON CONFLICT ("connectionId", "employeeId") DO UPDATE SET
        "imUserId" = EXCLUDED."imUserId", state = EXCLUDED.state, "syncedHash" = EXCLUDED."syncedHash",
        "disabledAt" = EXCLUDED."disabledAt", "groupIds" = EXCLUDED."groupIds", "lastError" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "employeeId")
    SELECT e."employeeNo" AS no FROM up JOIN "Employee" AS e ON e.id = up."employeeId"`;
  return written.map((r) => r.no);
}

/** Patches of some fields: a missing row is created when the patch names its user id, then every row patched. */
async function patchRows(
  tx: Tx,
  connectionId: string,
  rows: [string, AccountRowPatch][],
): Promise<string[]> {
  const nos = rows.map(([no]) => no);
  const imUserIds = rows.map(([, p]) => p.imUserId ?? null);
  const states = rows.map(([, p]) => p.state ?? null);
  const setHash = rows.map(([, p]) => p.syncedHash !== undefined);
  const hashes = rows.map(([, p]) => p.syncedHash ?? null);
  const setDisabled = rows.map(([, p]) => p.disabledAt !== undefined);
  const disabled = rows.map(([, p]) => p.disabledAt ?? null);
  const setGroups = rows.map(([, p]) => p.groupIds !== undefined);
  const groups = rows.map(([, p]) => JSON.stringify(p.groupIds ?? []));
  const ids = rows.map(() => randomUUID());
  await tx.$executeRaw`
    INSERT INTO "ImAccount" (id, "connectionId", "employeeId", "imUserId", state, "groupIds", "createdAt", "updatedAt")
    SELECT u.id, ${connectionId}, e.id, u.im, coalesce(u.state, 'ACTIVE')::"ImAccountState", '{}', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${ids}::text[], ${nos}::text[], ${imUserIds}::text[], ${states}::text[]) AS u(id, no, im, state)
    JOIN "Employee" AS e ON e."employeeNo" = u.no
    WHERE u.im IS NOT NULL
    ON CONFLICT ("connectionId", "employeeId") DO NOTHING`;
  const written = await tx.$queryRaw<{ no: string }[]>`
    UPDATE "ImAccount" AS a SET
      "imUserId" = coalesce(u.im, a."imUserId"),
      state = coalesce(u.state::"ImAccountState", a.state),
      "syncedHash" = CASE WHEN u.set_hash THEN u.hash ELSE a."syncedHash" END,
      "disabledAt" = CASE WHEN u.set_disabled THEN u.disabled::timestamptz AT TIME ZONE 'UTC' ELSE a."disabledAt" END,
      "groupIds" = CASE WHEN u.set_groups THEN ARRAY(SELECT jsonb_array_elements_text(u.groups::jsonb)) ELSE a."groupIds" END,
      "lastError" = NULL,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${nos}::text[], ${imUserIds}::text[], ${states}::text[], ${setHash}::boolean[], ${hashes}::text[],
                ${setDisabled}::boolean[], ${disabled}::text[], ${setGroups}::boolean[], ${groups}::text[])
         AS u(no, im, state, set_hash, hash, set_disabled, disabled, set_groups, groups)
    JOIN "Employee" AS e ON e."employeeNo" = u.no
    WHERE a."connectionId" = ${connectionId} AND a."employeeId" = e.id
    RETURNING u.no`;
  return written.map((r) => r.no);
}

export type CreatedGroup = {
  orgUnitCode: string;
  externalId: string;
  name: string;
  parentExternalId: string | null;
};

/**
 * `saveGroupMemory` + `setUnitGroup` for groups a batch created (or found again), in two statements:
 * the group remembers its name and parent as written, with no accepted-over HR values, and is the one
 * group of its unit.
 */
export async function saveCreatedGroups(
  tx: Tx,
  connectionId: string,
  groups: CreatedGroup[],
): Promise<void> {
  const byId = new Map(groups.map((g) => [g.externalId, g]));
  if (byId.size === 0) return;
  const rows = [...byId.values()];
  const codes = rows.map((g) => g.orgUnitCode);
  const ids = rows.map((g) => g.externalId);
  await tx.$executeRaw`
    UPDATE "ImGroup" AS g SET "orgUnitCode" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${codes}::text[], ${ids}::text[]) AS u(code, ext)
    WHERE g."connectionId" = ${connectionId} AND g."orgUnitCode" = u.code AND g."externalId" <> u.ext`;
  await tx.$executeRaw`
    INSERT INTO "ImGroup" (id, "connectionId", "externalId", name, "parentExternalId", "lastSyncedName", "lastSyncedParentExternalId",
                           "acceptedHrName", "acceptedHrParentExternalId", "orgUnitCode", deleted, "createdAt", "updatedAt")
    SELECT u.id, ${connectionId}, u.ext, u.name, u.parent, u.name, u.parent, NULL, NULL, u.code, false, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map(() => randomUUID())}::text[], ${ids}::text[], ${rows.map((g) => g.name)}::text[], ${rows.map((g) => g.parentExternalId)}::text[], ${codes}::text[])
         AS u(id, ext, name, parent, code)
    ON CONFLICT ("connectionId", "externalId") DO UPDATE SET
      name = EXCLUDED.name, "parentExternalId" = EXCLUDED."parentExternalId",
      "lastSyncedName" = EXCLUDED."lastSyncedName", "lastSyncedParentExternalId" = EXCLUDED."lastSyncedParentExternalId",
      "acceptedHrName" = NULL, "acceptedHrParentExternalId" = NULL, "orgUnitCode" = EXCLUDED."orgUnitCode", deleted = false, "updatedAt" = EXCLUDED."updatedAt"`;
}
