import { inngest } from "../client";
import { eventSchemas } from "../events";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors";
import {
  listIncrementalTargets,
  mergeHrChanges,
  type HrChange,
} from "@/lib/sync/engine/run-incremental-sync";
import { queuePendingEmployees } from "@/lib/sync/engine/sync-pending";

/**
 * HR pushed changes (see app/api/hooks/hr): merge them into the mirror keeping the newest version,
 * then queue the affected employees (the pushed ones, or everyone in a changed unit's subtree) for
 * every mapped IM target that has had its initial full sync (SyncPending) and nudge each target with
 * one `hr/target.changed`; hr-target-sync drains the target's queue, never alongside a full sync of it.
 *
 * Pushes are merged in batches (up to 100, or what arrived within the engine's minimum window of
 * 1 s): a merge is one read and one write of the mirror whatever the batch size, so a wave of
 * 100 pushes a second costs one run rather than a hundred (issue #17 measured the per-push runs as
 * the ceiling of the whole HR → IM path, ~50 pushes/s). Merges run one at a time, so versions of
 * one record never merge side by side; several versions in one batch merge as the newest. A batch
 * that was all stale (late or repeated deliveries) stops after the merge.
 */
export const hrIncrementalSync = inngest.createFunction(
  {
    id: "hr-incremental-sync",
    name: "HR → IM incremental sync",
    retries: 3,
    batchEvents: { maxSize: 100, timeout: "1s" },
    concurrency: { limit: 1 },
    triggers: [{ event: "hr/employee.changed" }, { event: "hr/org-unit.changed" }],
  },
  async ({ events, step, attempt }) => {
    const changes = events.map((event) => ({
      change: (event.name === "hr/employee.changed"
        ? { kind: "employee", record: event.data.record as unknown as HrEmployee }
        : { kind: "org_unit", record: event.data.record as unknown as HrOrgUnit }) as HrChange,
      sourceConnectionId: event.data.hrConnectionId,
      webhookId: event.data.webhookId,
    }));
    const merged = await step.run("merge", async () => {
      // A retry finds what its first attempt merged already in the mirror: still queue it, since
      // that attempt may have failed before queuing (a repeated plan of those employees is harmless).
      const retried = attempt > 0;
      const results = await mergeHrChanges(changes, { staleAffects: retried });
      const applied = retried || results.some((r) => r.applied);
      const employeeNos = [...new Set(results.flatMap((r) => r.employeeNos))];
      const targets = applied ? await listIncrementalTargets() : [];
      await queuePendingEmployees(targets, employeeNos);
      return {
        applied,
        employeeNos,
        placeholders: results.flatMap((r) => r.placeholders),
        targets,
      };
    });
    if (!merged.applied) return { stale: true, events: events.length };
    if (merged.targets.length)
      await step.sendEvent(
        "to-targets",
        merged.targets.map((connectionId) => ({
          name: "hr/target.changed" as const,
          // Derived from the batch's first HR event, so a retried send is one event per target.
          id: `${events[0].id}:${connectionId}`,
          data: eventSchemas["hr/target.changed"].parse({
            connectionId,
            employeeNos: merged.employeeNos,
            webhookId: changes[0].webhookId,
            pending: true,
          }),
        })),
      );
    return {
      events: events.length,
      merged: merged.employeeNos.length,
      placeholders: merged.placeholders,
      targets: merged.targets,
    };
  },
);
