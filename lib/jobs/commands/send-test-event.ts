import { randomUUID } from "node:crypto";
import { sendEvent } from "@/inngest/client";
import { recordAudit, type Actor } from "@/lib/core/audit/record-audit";
import { db } from "@/lib/core/db";

/** Sends a `system/ping.requested` event, to check that events reach the job runner. */
export async function sendTestEvent(actor: Actor): Promise<{ eventId: string }> {
  const id = randomUUID();
  await sendEvent("system/ping.requested", { requestedBy: actor.name ?? actor.id }, id);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "job.test_event_sent",
      targetType: "event",
      targetId: id,
      after: { name: "system/ping.requested" },
    }),
  );
  return { eventId: id };
}
