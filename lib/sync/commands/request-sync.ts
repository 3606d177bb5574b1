import { randomUUID } from "node:crypto";
import { sendEvent } from "@/inngest/client";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { requestSyncSchema, type RequestSyncInput } from "../sync-run-schemas";

export type SendSyncEvent = (
  name: "hr/sync.requested",
  data: {
    connectionId: string;
    hrConnectionId: string;
    dryRun?: boolean;
    deepImRead?: boolean;
    requestedBy: string;
  },
  id: string,
) => Promise<unknown>;

export type RequestSyncCommandInput = RequestSyncInput & {
  /** Why, for the audit entry (e.g. the approved run). */
  reason?: Record<string, unknown>;
};

export type RequestSyncOptions = {
  /** Sends the event; default the Inngest client (tests pass a recorder). */
  send?: SendSyncEvent;
};

/**
 * Asks the engine for a full sync (or a dry run) of one enabled IM target against
 * the first enabled HR source, and audits the request. The event id is fresh,
 * so each click is its own run; the engine runs one at a time per target. A sync someone asks
 * for reads the IM in full (no no-change shortcut): whoever clicks "Sync now" after renaming a
 * group by hand expects to see it; the scheduled sync takes the shortcuts on weekdays.
 */
export async function requestSync(
  input: RequestSyncCommandInput,
  ctx: CommandContext,
  options: RequestSyncOptions = {},
): Promise<{ eventId: string }> {
  const { connectionId, dryRun } = requestSyncSchema.parse(input);
  const send = options.send ?? sendEvent;
  // The actor's id becomes the run's "manual:<id>" trigger.
  const { actor } = ctx;
  const client = ctx.tx ?? db;
  const target = await client.connection.findUnique({
    where: { id: connectionId },
    select: { id: true, kind: true, enabled: true, name: true },
  });
  if (!target || target.kind !== "IM_TARGET")
    throw new AppError(404, "not_found", "IM target not found.");
  if (!target.enabled)
    throw new AppError(
      409,
      "connection_disabled",
      `${target.name} is disabled; enable it to sync.`,
    );
  const hr = await client.connection.findFirst({
    where: { kind: "HR_SOURCE", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!hr) throw new AppError(409, "no_hr_source", "There is no enabled HR source to sync from.");

  const eventId = randomUUID();
  const data = {
    connectionId,
    hrConnectionId: hr.id,
    dryRun,
    deepImRead: true,
    requestedBy: actor.id,
  };
  await send("hr/sync.requested", data, eventId);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, actor, {
      action: "sync.requested",
      targetType: "connection",
      targetId: connectionId,
      after: { eventId, ...data, ...input.reason },
    }),
  );
  return { eventId };
}
