import { sendEvent } from "@/inngest/client";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors/types";
import { ScimError } from "../scim-error";

export type ScimHrChange =
  { kind: "employee"; record: HrEmployee } | { kind: "org_unit"; record: HrOrgUnit };

export type SendEvent = typeof sendEvent;

/**
 * Hands pushed records to the same incremental path HR webhooks take (`hr-incremental-sync`), with
 * the SCIM connection as the source. Called last inside the write's transaction: if the queue
 * cannot take them the write rolls back and the client gets a 503 to retry, so a stored change is
 * never left unsynced. Event ids carry the record version, so a repeat is dropped.
 */
export async function sendHrChanges(
  connectionId: string,
  changes: ScimHrChange[],
  send: SendEvent = sendEvent,
): Promise<void> {
  const occurredAt = new Date().toISOString();
  try {
    for (const change of changes) {
      const key = change.kind === "employee" ? change.record.employeeNo : change.record.code;
      const webhookId = `scim:${change.kind}:${key}:v${change.record.version}`;
      const data = { hrConnectionId: connectionId, webhookId, occurredAt };
      const id = `scim:${connectionId}:${webhookId}`;
      if (change.kind === "employee")
        await send("hr/employee.changed", { ...data, record: change.record }, id);
      else await send("hr/org-unit.changed", { ...data, record: change.record }, id);
    }
  } catch (err) {
    console.error("[scim] could not enqueue HR changes", (err as Error).message);
    throw new ScimError(503, undefined, "The change could not be queued for sync; retry later.");
  }
}
