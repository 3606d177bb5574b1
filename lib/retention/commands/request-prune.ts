import { randomUUID } from "node:crypto";
import { sendEvent } from "@/inngest/client";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { canEdit } from "@/lib/core/auth/permissions";
import { ownTransactionOnly, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { forbiddenError } from "@/lib/core/errors";
import type { RetentionActor } from "./save-retention-settings";

type Send = (
  name: "system/maintenance.requested",
  data: { requestedBy: string },
  id: string,
) => Promise<unknown>;

/**
 * "Prune now": queues the maintenance run that applies every kind's retention. The audit row
 * commits first, so every run asked for this way has one.
 */
export async function requestPrune(
  _input: Record<string, never>,
  ctx: CommandContext<RetentionActor>,
  send: Send = sendEvent,
): Promise<{ eventId: string }> {
  ownTransactionOnly(ctx, "requestPrune");
  const { actor } = ctx;
  if (!canEdit(actor.roles, "jobs")) throw forbiddenError("Only an IT admin may prune records.");
  const eventId = randomUUID();
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "retention.prune_requested",
      targetType: "event",
      targetId: eventId,
      after: { name: "system/maintenance.requested" },
    }),
  );
  await send("system/maintenance.requested", { requestedBy: actor.name ?? actor.id }, eventId);
  return { eventId };
}
