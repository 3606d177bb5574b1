import { inngest } from "../client";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors";
import {
  listIncrementalTargets,
  mergeHrChange,
  runIncrementalSync,
  type HrChange,
} from "@/lib/sync/engine/run-incremental-sync";

/**
 * HR pushed one change (see app/api/hooks/hr): merge it into the mirror keeping the newest version, then
 * run a scoped sync against every mapped IM target that has had its initial full sync — the employee's account, or everyone in a changed
 * unit's subtree, plus any group change. One change at a time per employee (versions of one record merge
 * in turn; different employees sync side by side) and one org-unit change at a time (their key is empty);
 * a stale or repeated change stops after the merge.
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
    const runs = [];
    for (const connectionId of merged.targets) {
      runs.push(
        await step.run(`sync-${connectionId}`, async () => {
          const r = await runIncrementalSync({
            connectionId,
            employeeNos: merged.employeeNos,
            trigger: `hr-webhook:${event.data.webhookId}`,
          });
          return {
            connectionId,
            runId: r.runId,
            status: r.finish?.status ?? r.plan.status,
            planned: r.plan.planned,
            failed: r.finish?.failed ?? 0,
          };
        }),
      );
    }
    return { merged: merged.employeeNos.length, placeholders: merged.placeholders, runs };
  },
);
