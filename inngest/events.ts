import { z } from "zod";
import { hrTransferSchema } from "@/lib/connectors/hr/hr-transfer-schema";

// Every event OrgBridge sends, with its schema. Each carries an id that makes
// handling idempotent (Inngest dedupes on `id`).
export const eventSchemas = {
  "system/ping.requested": z.object({
    requestedBy: z.string(),
    note: z.string().max(200).optional(),
  }),
  /** One-step diagnostic run (`system-heartbeat`): the executor path without the database. */
  "system/heartbeat.requested": z.object({ requestedBy: z.string() }),
  "system/maintenance.requested": z.object({ requestedBy: z.string() }),
  /** A full HR → IM sync of one IM target (one at a time per target). */
  "hr/sync.requested": z.object({
    /** The IM_TARGET connection to sync. */
    connectionId: z.string().min(1),
    /** The HR_SOURCE connection to pull first. */
    hrConnectionId: z.string().min(1),
    /** Plan only: store the changes and conflicts, apply nothing. */
    dryRun: z.boolean().optional(),
    /** Read every IM user and group in full (no no-change shortcut); the scheduled sync does it weekly. */
    deepImRead: z.boolean().optional(),
    /** A user id, or "cron". */
    requestedBy: z.string().min(1),
  }),
  /** The HR source pushed an employee change (verified webhook); the record is the connector's normalised HrEmployee. */
  "hr/employee.changed": z.object({
    hrConnectionId: z.string().min(1),
    /** The HR source's event id (webhook-id); the Inngest event id is derived from it, so repeats are dropped. */
    webhookId: z.string().min(1),
    occurredAt: z.string(),
    record: z
      .object({
        employeeNo: z.string().min(1),
        name: z.string(),
        status: z.string(),
        version: z.number(),
        transfer: hrTransferSchema.optional(),
      })
      .passthrough(),
  }),
  /** The HR source pushed an org unit change; the record is the connector's normalised HrOrgUnit. */
  "hr/org-unit.changed": z.object({
    hrConnectionId: z.string().min(1),
    webhookId: z.string().min(1),
    occurredAt: z.string(),
    record: z
      .object({
        code: z.string().min(1),
        name: z.string(),
        active: z.boolean(),
        version: z.number(),
      })
      .passthrough(),
  }),
  /**
   * An HR change merged into the mirror affects these employees of one IM target (sent by
   * hr-incremental-sync, one per target); hr-target-sync applies a burst of them as one scoped run.
   */
  "hr/target.changed": z.object({
    /** The IM_TARGET connection. */
    connectionId: z.string().min(1),
    /** Employees whose accounts the change may affect (empty: group drift only). */
    employeeNos: z.array(z.string().min(1)).max(100_000),
    /** The HR source's event id that caused it. */
    webhookId: z.string().min(1),
    /** The employees were queued for the target (SyncPending); the run drains the whole queue. */
    pending: z.boolean().optional(),
  }),
  /** An IT admin decided a sync conflict; the engine applies the decision and re-checks. */
  "conflict/resolved": z.object({
    /** The SyncConflict, already RESOLVED or IGNORED. */
    conflictId: z.string().min(1),
    /** The deciding user's id. */
    resolvedBy: z.string().min(1),
  }),
  /** A notification was accepted (REST intake or console); dispatch resolves, evaluates and sends it. */
  "notification/requested": z.object({
    /** The Notification to dispatch. */
    notificationId: z.string().min(1),
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
