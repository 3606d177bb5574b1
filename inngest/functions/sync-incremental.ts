import { inngest } from "../client";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors";
import {
  listIncrementalTargets,
  mergeHrChange,
  type HrChange,
} from "@/lib/sync/engine/run-incremental-sync";

/**
 * HR pushed one change (see app/api/hooks/hr): merge it into the mirror keeping the newest version, then
 * hand it to every mapped IM target that has had its initial full sync, one `hr/target.changed` event per
 * target (the employee, or everyone in a changed unit's subtree); hr-target-sync applies those, coalescing
 * bursts and never alongside a full sync of the same target. Merges of one employee run one at a time
 * (versions of one record merge in turn; different employees side by side) and org-unit merges one at a
 * time (their key is empty); a stale or repeated change stops after the merge.
 */
export const hrIncrementalSync = inngest.createFunction(
  {
    id: "hr-incremental-sync",
    name: "HR → IM incremental sync",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.record.employeeNo" },
    triggers: [{ event: "hr/employee.changed" }, { event: "hr/org-unit.changed" }],
  },
  async ({ event, step }) => {
    const change: HrChange =
      event.name === "hr/employee.changed"
        ? { kind: "employee", record: event.data.record as unknown as HrEmployee }
        : { kind: "org_unit", record: event.data.record as unknown as HrOrgUnit };
    const merged = await step.run("merge", async () => {
      const result = await mergeHrChange(change, event.data.hrConnectionId);
      return {
        applied: result.applied,
        employeeNos: result.employeeNos,
        placeholders: result.placeholders,
        targets: result.applied ? await listIncrementalTargets() : [],
      };
    });
    if (!merged.applied) return { stale: true };
    if (merged.targets.length)
      await step.sendEvent(
        "to-targets",
        merged.targets.map((connectionId) => ({
          name: "hr/target.changed" as const,
          // Derived from the HR event, so a resent push or a retried send is one event per target.
          id: `${event.id}:${connectionId}`,
          data: { connectionId, employeeNos: merged.employeeNos, webhookId: event.data.webhookId },
        })),
      );
    return {
      merged: merged.employeeNos.length,
      placeholders: merged.placeholders,
      targets: merged.targets,
    };
  },
);
