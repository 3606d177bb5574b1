import { randomBytes } from "node:crypto";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db, type Prisma } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/notifications/rules/unique-violation";
import { applyScimPatch } from "../rules/apply-scim-patch";
import { readScimUser } from "../rules/read-scim-user";
import { renderScimResource, type ScimResourceRow } from "../rules/render-scim-resource";
import { ScimError } from "../scim-error";
import type { ScimConnectionConfig, StoredGroup, StoredUser } from "../types";
import { prepareUserChange } from "./prepare-user-change";
import { saveScimResource } from "./save-scim-resource";
import { startScimWrite } from "./start-scim-write";
import type { SendEvent } from "./send-hr-changes";

export type ScimConnectionRef = { id: string; name: string; config: ScimConnectionConfig };

export type WriteScimUserInput = {
  connection: ScimConnectionRef;
  op: "create" | "replace" | "patch" | "delete";
  /** The user's SCIM id (all but create). */
  id?: string;
  /** The parsed request body (create, replace, patch). */
  body?: Record<string, unknown>;
  /** The If-Match header, when sent. */
  ifMatch?: string | null;
};

/** Refuses a userName, externalId or employee number another user of this client already has. */
async function assertUnique(
  tx: Prisma.TransactionClient,
  connectionId: string,
  selfId: string | undefined,
  user: StoredUser,
  hrKey: string,
) {
  const clash = await tx.scimResource.findFirst({
    where: {
      connectionId,
      type: "User",
      ...(selfId ? { id: { not: selfId } } : {}),
      OR: [
        { nameKey: user.userName.toLowerCase() },
        ...(user.externalId ? [{ externalId: user.externalId }] : []),
        { hrKey },
      ],
    },
    select: { nameKey: true, externalId: true },
  });
  if (!clash) return;
  const what =
    clash.nameKey === user.userName.toLowerCase()
      ? "userName"
      : user.externalId && clash.externalId === user.externalId
        ? "externalId"
        : "employeeNumber";
  throw new ScimError(409, "uniqueness", `${what}: another User already has this value.`);
}

/** The HR key of a user: its employee number when the client sends one, fixed from then on. */
function hrKeyFor(user: StoredUser, existing: { hrKey: string } | null): string {
  const sent = user.enterprise?.employeeNumber;
  if (existing) {
    if (sent && sent !== existing.hrKey)
      throw new ScimError(
        400,
        "mutability",
        `employeeNumber: it is this person's HR key (${existing.hrKey}) and cannot change; create a new User instead.`,
      );
    return existing.hrKey;
  }
  return sent ?? `SCIM-${randomBytes(5).toString("hex").toUpperCase()}`;
}

/**
 * Creates, replaces, patches or deletes a SCIM user of one connection, in one transaction: the
 * resource row (version + 1, the ETag), its audit row (actor: the connection) and the HR record it
 * is, handed to the incremental sync. A DELETE is a leaver: the employee is terminated, the user
 * leaves its groups and the resource is gone. Returns the stored row (null after a delete).
 */
export async function writeScimUser(
  input: WriteScimUserInput,
  ctx: CommandContext,
  plumbing: { send?: SendEvent } = {},
): Promise<ScimResourceRow | null> {
  ownTransactionOnly(ctx, "writeScimUser");
  const { connection } = input;
  try {
    return await db.$transaction(
      async (tx) => {
        const { existing, finish } = await startScimWrite(tx, "User", input, ctx, plumbing.send);
        if (input.op === "delete" && existing) {
          const change = await prepareUserChange(
            tx,
            connection,
            { ...existing, version: existing.version + 1 },
            { deletedOn: new Date().toISOString().slice(0, 10) },
          );
          await leaveGroups(tx, connection.id, existing.id);
          await tx.scimResource.delete({ where: { id: existing.id } });
          return finish(
            {
              action: "scim.user.deleted",
              targetType: "employee",
              targetId: existing.hrKey,
              before: { scimId: existing.id, userName: (existing.data as StoredUser).userName },
            },
            [{ kind: "employee", record: change.record }],
            null,
          );
        }
        let raw = input.body ?? {};
        if (input.op === "patch" && existing)
          raw = applyScimPatch(renderScimResource(existing, ""), raw);
        const user = readScimUser(raw);
        const hrKey = hrKeyFor(user, existing);
        await assertUnique(tx, connection.id, existing?.id, user, hrKey);
        const row = await saveScimResource(tx, {
          connectionId: connection.id,
          type: "User",
          existing,
          hrKey,
          nameKey: user.userName.toLowerCase(),
          externalId: user.externalId,
          data: user,
        });
        const change = await prepareUserChange(tx, connection, row);
        return finish(
          {
            action: existing ? "scim.user.updated" : "scim.user.created",
            targetType: "employee",
            targetId: hrKey,
            before: existing ? existing.data : undefined,
            after: { scimId: row.id, ...user, placement: change.placement },
          },
          [{ kind: "employee", record: change.record }],
          row,
        );
      },
      { timeout: 20_000 },
    );
  } catch (err) {
    // Two concurrent creates of one userName: the unique index answers for the slower one.
    if (isUniqueViolation(err))
      throw new ScimError(
        409,
        "uniqueness",
        "Another User already has this userName, externalId or employeeNumber.",
      );
    throw err;
  }
}

/** Takes a deleted user out of every group of its client (RFC 7644 §3.6), each group a new version. */
async function leaveGroups(tx: Prisma.TransactionClient, connectionId: string, userId: string) {
  const groups = await tx.scimResource.findMany({
    where: {
      connectionId,
      type: "Group",
      data: { path: ["members"], array_contains: [{ value: userId }] },
    },
  });
  for (const g of groups) {
    const data = g.data as StoredGroup;
    await tx.scimResource.update({
      where: { id: g.id },
      data: {
        data: {
          ...data,
          members: data.members.filter((m) => m.value !== userId),
        } as unknown as Prisma.InputJsonValue,
        version: g.version + 1,
      },
    });
  }
}
