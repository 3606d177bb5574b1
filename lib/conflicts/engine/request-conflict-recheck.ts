import { sendEvent } from "@/inngest/client";
import { db } from "@/lib/core/db";

export type RequestConflictRecheckOptions = {
  /** The IM_TARGET connection the conflict belongs to. */
  connectionId: string;
  /** Who resolved it (a user id): the follow-up run's requester. */
  requestedBy: string;
  /** Makes the event id stable, so a retried step does not start a second sync. */
  key: string;
};

/**
 * Asks for a full sync of the conflict's IM target so the next plan confirms the
 * conflict is gone. Skipped (null) when the target or the HR source is disabled.
 */
export async function requestConflictRecheck(
  options: RequestConflictRecheckOptions,
): Promise<{ eventId: string } | null> {
  const target = await db.connection.findUnique({
    where: { id: options.connectionId },
    select: { kind: true, enabled: true },
  });
  if (!target || target.kind !== "IM_TARGET" || !target.enabled) return null;
  const hr = await db.connection.findFirst({
    where: { kind: "HR_SOURCE", enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!hr) return null;
  const eventId = `conflict-recheck-${options.key}`;
  await sendEvent(
    "hr/sync.requested",
    {
      connectionId: options.connectionId,
      hrConnectionId: hr.id,
      dryRun: false,
      // The decision may be about what the IM holds (a rename by hand): read it in full.
      deepImRead: true,
      requestedBy: options.requestedBy,
    },
    eventId,
  );
  return { eventId };
}
