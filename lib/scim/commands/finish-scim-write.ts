import { recordAudit, type AuditEntry } from "@/lib/core/audit/record-audit";
import type { CommandContext } from "@/lib/core/command-context";
import type { Prisma } from "@/lib/core/db";
import { sendHrChanges, type ScimHrChange, type SendEvent } from "./send-hr-changes";

export type FinishScimWriteInput<R> = {
  /** The SCIM connection that wrote (the source of the HR records). */
  connectionId: string;
  /** Its audit row; the actor is the connection. */
  audit: AuditEntry;
  /** The HR records the write changed, for the incremental sync. */
  changes: ScimHrChange[];
  /** What the write answers (the stored row, or null after a delete). */
  result: R;
  /** The event sender (tests); default the Inngest client's. */
  send?: SendEvent;
};

/**
 * The end every SCIM user and group write shares, inside its transaction: the audit row, then the HR
 * records handed to the incremental sync (last, so a queue that refuses them rolls the write back),
 * then the answer.
 */
export async function finishScimWrite<R>(
  input: FinishScimWriteInput<R>,
  ctx: CommandContext & { tx: Prisma.TransactionClient },
): Promise<R> {
  await recordAudit(ctx.tx, ctx.actor, input.audit);
  await sendHrChanges(input.connectionId, input.changes, input.send);
  return input.result;
}
