import { randomBytes } from "node:crypto";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db, type Prisma } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/notifications/rules/unique-violation";
import { applyScimPatch } from "../rules/apply-scim-patch";
import { hrVersion } from "../rules/hr-version";
import { readScimGroup } from "../rules/read-scim-group";
import { renderScimResource, type ScimResourceRow } from "../rules/render-scim-resource";
import { ScimError } from "../scim-error";
import type { StoredGroup } from "../types";
import { prepareUserChange } from "./prepare-user-change";
import { saveScimResource } from "./save-scim-resource";
import { startScimWrite } from "./start-scim-write";
import type { ScimHrChange, SendEvent } from "./send-hr-changes";
import type { ScimConnectionRef } from "./write-scim-user";

export type WriteScimGroupInput = {
  connection: ScimConnectionRef;
  op: "create" | "replace" | "patch" | "delete";
  id?: string;
  body?: Record<string, unknown>;
  ifMatch?: string | null;
};

/** Every member must be a user this client pushed: an unknown id is refused, not dropped. */
async function assertMembersExist(
  tx: Prisma.TransactionClient,
  connectionId: string,
  group: StoredGroup,
) {
  if (group.members.length === 0) return;
  const ids = group.members.map((m) => m.value);
  const found = await tx.scimResource.findMany({
    where: { connectionId, type: "User", id: { in: ids } },
    select: { id: true },
  });
  const known = new Set(found.map((f) => f.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new ScimError(400, "invalidValue", `members: no User with id "${missing}".`);
}

async function assertUnique(
  tx: Prisma.TransactionClient,
  connectionId: string,
  selfId: string | undefined,
  group: StoredGroup,
) {
  const clash = await tx.scimResource.findFirst({
    where: {
      connectionId,
      type: "Group",
      ...(selfId ? { id: { not: selfId } } : {}),
      OR: [
        { nameKey: group.displayName.toLowerCase() },
        ...(group.externalId ? [{ externalId: group.externalId }] : []),
      ],
    },
    select: { nameKey: true },
  });
  if (clash)
    throw new ScimError(
      409,
      "uniqueness",
      `${clash.nameKey === group.displayName.toLowerCase() ? "displayName" : "externalId"}: another Group already has this value.`,
    );
}

/** Users whose placement may change: members added or removed; each gets a new version and HR record. */
async function memberChanges(
  tx: Prisma.TransactionClient,
  connection: ScimConnectionRef,
  before: StoredGroup | null,
  after: StoredGroup | null,
): Promise<ScimHrChange[]> {
  const was = new Set(before?.members.map((m) => m.value) ?? []);
  const now = new Set(after?.members.map((m) => m.value) ?? []);
  const touched = [...was, ...now].filter((id) => was.has(id) !== now.has(id));
  const changes: ScimHrChange[] = [];
  for (const id of touched.sort()) {
    const user = await tx.scimResource.findFirst({
      where: { id, connectionId: connection.id, type: "User" },
    });
    if (!user) continue;
    const row = await tx.scimResource.update({
      where: { id },
      data: { version: user.version + 1 },
    });
    changes.push({
      kind: "employee",
      record: (await prepareUserChange(tx, connection, row)).record,
    });
  }
  return changes;
}

/**
 * Creates, replaces, patches or deletes a SCIM group in one transaction. A group is an org unit
 * (code `SCIM-G-…`, name = displayName, top level); its members are placed in it when their
 * department places them nowhere else. Deleting it retires the unit. Audited with the connection
 * as actor; the unit and every member whose placement may change go to the incremental sync.
 */
export async function writeScimGroup(
  input: WriteScimGroupInput,
  ctx: CommandContext,
  plumbing: { send?: SendEvent } = {},
): Promise<ScimResourceRow | null> {
  ownTransactionOnly(ctx, "writeScimGroup");
  const { connection } = input;
  try {
    return await db.$transaction(
      async (tx) => {
        const { existing, finish } = await startScimWrite(tx, "Group", input, ctx, plumbing.send);
        const before = existing ? (existing.data as StoredGroup) : null;
        if (input.op === "delete" && existing && before) {
          await tx.scimResource.delete({ where: { id: existing.id } });
          const unit = {
            code: existing.hrKey,
            name: before.displayName,
            active: false,
            version: hrVersion(existing.version + 1, new Date()),
          };
          const changes: ScimHrChange[] = [
            { kind: "org_unit", record: unit },
            ...(await memberChanges(tx, connection, before, null)),
          ];
          return finish(
            {
              action: "scim.group.deleted",
              targetType: "org_unit",
              targetId: existing.hrKey,
              before: {
                scimId: existing.id,
                displayName: before.displayName,
                members: before.members.length,
              },
            },
            changes,
            null,
          );
        }
        let raw = input.body ?? {};
        if (input.op === "patch" && existing)
          raw = applyScimPatch(renderScimResource(existing, ""), raw);
        const group = readScimGroup(raw);
        await assertUnique(tx, connection.id, existing?.id, group);
        await assertMembersExist(tx, connection.id, group);
        const row = await saveScimResource(tx, {
          connectionId: connection.id,
          type: "Group",
          existing,
          hrKey: `SCIM-G-${randomBytes(5).toString("hex").toUpperCase()}`,
          nameKey: group.displayName.toLowerCase(),
          externalId: group.externalId,
          data: group,
        });
        const unit = {
          code: row.hrKey,
          name: group.displayName,
          active: true,
          version: hrVersion(row.version, new Date()),
        };
        const changes: ScimHrChange[] = [
          { kind: "org_unit", record: unit },
          ...(await memberChanges(tx, connection, before, group)),
        ];
        return finish(
          {
            action: existing ? "scim.group.updated" : "scim.group.created",
            targetType: "org_unit",
            targetId: row.hrKey,
            before: before
              ? { displayName: before.displayName, members: before.members.map((m) => m.value) }
              : undefined,
            after: {
              scimId: row.id,
              displayName: group.displayName,
              members: group.members.map((m) => m.value),
            },
          },
          changes,
          row,
        );
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ScimError(
        409,
        "uniqueness",
        "Another Group already has this displayName or externalId.",
      );
    throw err;
  }
}
