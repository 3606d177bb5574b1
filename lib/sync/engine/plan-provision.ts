import type { ImTarget } from "@/lib/connectors";
import { planSync } from "@/lib/sync/rules/plan-sync";
import { changesForEmployee } from "@/lib/sync/rules/changes-for-employee";
import { describeImCalls, type ImCall } from "@/lib/sync/rules/describe-im-calls";
import type { TraceEntry } from "@/lib/sync/rules/provision-trace-types";
import type { PlanSettings } from "../queries/load-plan-settings";
import { loadSyncInput } from "./load-sync-input";

export type PlanProvisionOptions = {
  employeeNo: string;
  connectionId: string;
  target: ImTarget;
  now?: Date;
  settings?: Partial<PlanSettings>;
};

export type ProvisionPlan = {
  trace: TraceEntry[];
  /** The connector calls applying would make, in order; empty when the employee is in sync. */
  calls: (ImCall & { op: string })[];
};

/**
 * A dry run of provisioning one employee to one IM target: the same scoped read and the same
 * planner an incremental run uses, asked to explain itself. Writes nothing — not even conflicts.
 */
export async function planProvision(options: PlanProvisionOptions): Promise<ProvisionPlan> {
  const { input } = await loadSyncInput({
    connectionId: options.connectionId,
    target: options.target,
    now: options.now,
    settings: options.settings,
    scope: { employeeNos: [options.employeeNo] },
  });
  const plan = planSync({ ...input, options: { ...input.options, trace: true } });
  const trace = plan.traces?.find((t) => t.employeeNo === options.employeeNo)?.trace ?? [];
  const calls = changesForEmployee(plan.changes, options.employeeNo).flatMap((c) =>
    describeImCalls(c).map((call) => ({ op: c.op, ...call })),
  );
  return { trace, calls };
}
