import { inngest } from "../client";
import { eventSchemas } from "../events";
import { applyConflictResolution } from "@/lib/conflicts/engine/apply-conflict-resolution";
import { requestConflictRecheck } from "@/lib/conflicts/engine/request-conflict-recheck";

/**
 * Applies an admin's conflict decision (IM changes, memory, mappings) and then
 * requests a full sync of the same IM target, whose plan confirms the conflict
 * is gone. Applying is idempotent (a finished RECONCILE run marks it done); an
 * IM refusal is recorded on the conflict, which reopens.
 */
export const conflictResolved = inngest.createFunction(
  {
    id: "conflict-resolved",
    name: "Apply a conflict resolution",
    retries: 3,
    triggers: [{ event: "conflict/resolved" }],
  },
  async ({ event, step }) => {
    const data = eventSchemas["conflict/resolved"].parse(event.data);
    const applied = await step.run("apply-resolution", () =>
      applyConflictResolution({ conflictId: data.conflictId }),
    );
    if (!applied.recheck || !applied.connectionId) return applied;
    const connectionId = applied.connectionId;
    const recheck = await step.run("request-recheck", () =>
      requestConflictRecheck({
        connectionId,
        requestedBy: data.resolvedBy,
        key: event.id ?? `${data.conflictId}-${Date.now()}`,
      }),
    );
    return { ...applied, recheck };
  },
);
