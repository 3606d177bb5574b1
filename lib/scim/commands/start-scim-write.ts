import type { AuditEntry } from "@/lib/core/audit/record-audit";
import type { CommandContext } from "@/lib/core/command-context";
import type { Prisma } from "@/lib/core/db";
import { ifMatchSatisfied } from "../rules/if-match-satisfied";
import type { ScimResourceRow } from "../rules/render-scim-resource";
import { ScimError } from "../scim-error";
import { finishScimWrite } from "./finish-scim-write";
import type { ScimHrChange, SendEvent } from "./send-hr-changes";

/** What a SCIM write request names: the client, the operation, the resource and the version it expects. */
export type ScimWriteRequest = {
  connection: { id: string };
  op: "create" | "replace" | "patch" | "delete";
  /** The resource's SCIM id from the path (all but create); missing is a 404. */
  id?: string;
  /** The If-Match header, when sent. */
  ifMatch?: string | null;
};

/**
 * The start every SCIM user and group write shares, inside its transaction: for a replace, patch or
 * delete, locks the resource row (so an If-Match check and the write after it see the same version)
 * and checks it is this client's and that version. Returns it (null for a create) and the write's
 * end: its audit row, the HR records for the incremental sync, and the answer (see finishScimWrite).
 */
export async function startScimWrite(
  tx: Prisma.TransactionClient,
  type: "User" | "Group",
  request: ScimWriteRequest,
  ctx: CommandContext,
  send?: SendEvent,
) {
  const connectionId = request.connection.id;
  const finish = (audit: AuditEntry, changes: ScimHrChange[], result: ScimResourceRow | null) =>
    finishScimWrite({ connectionId, audit, changes, result, send }, { ...ctx, tx });
  if (request.op === "create") return { existing: null, finish };
  const notFound = () => new ScimError(404, undefined, `No such ${type}.`);
  if (!request.id) throw notFound();
  await tx.$queryRaw`SELECT id FROM "ScimResource" WHERE id = ${request.id} FOR UPDATE`;
  const existing = await tx.scimResource.findFirst({
    where: { id: request.id, connectionId, type },
  });
  if (!existing) throw notFound();
  if (!ifMatchSatisfied(request.ifMatch ?? null, existing.version))
    throw new ScimError(412, undefined, `The ${type} changed since that version (If-Match).`);
  return { existing, finish };
}
