import { randomUUID } from "node:crypto";
import { sendEvent } from "@/inngest/client";
import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { requestSyncSchema, type RequestSyncInput } from "../sync-run-schemas";

export type SendSyncEvent = (
  name: "hr/sync.requested",
  data: { connectionId: string; hrConnectionId: string; dryRun?: boolean; requestedBy: string },
  id: string,
) => Promise<unknown>;

export type RequestSyncOptions = RequestSyncInput & {
  /** Who asks; their id becomes the run's "manual:<id>" trigger. */
  actor: Actor;
  /** Sends the event; default the Inngest client (tests pass a recorder). */
  send?: SendSyncEvent;
  /** Why, for the audit entry (e.g. the approved run). */
  reason?: Record<string, unknown>;
};

/**
 * Asks the engine for a full sync (or a dry run) of one enabled IM target against
 * the first enabled HR source, and audits the request. The event id is fresh,
 * so each click is its own run; the engine runs one at a time per target.
 */
export async function requestSync(options: RequestSyncOptions): Promise<{ eventId: string }> {
  const { connectionId, dryRun } = requestSyncSchema.parse(options);
  const send = options.send ?? sendEvent;
  const target = await db.connection.findUnique({
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
  const hr = await db.connection.findFirst({
    where: { kind: "HR_SOURCE", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!hr) throw new AppError(409, "no_hr_source", "There is no enabled HR source to sync from.");

  const eventId = randomUUID();
  const data = { connectionId, hrConnectionId: hr.id, dryRun, requestedBy: options.actor.id };
  await send("hr/sync.requested", data, eventId);
  await db.$transaction((tx) =>
    recordAudit(tx, options.actor, {
      action: "sync.requested",
      targetType: "connection",
      targetId: connectionId,
      after: { eventId, ...data, ...options.reason },
    }),
  );
  return { eventId };
}
