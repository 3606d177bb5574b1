import type { ImTarget } from "@/lib/connectors";
import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { db } from "@/lib/core/db";
import { AppError, notFound } from "@/lib/core/errors";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import type { PlanSettings } from "../queries/load-plan-settings";
import { planProvision } from "../engine/plan-provision";
import { runIncrementalSync } from "../engine/run-incremental-sync";
import {
  provisionRequestSchema,
  type ProvisionRequest,
  type ProvisionResult,
} from "../provision-schemas";

export type ProvisionEmployeeOptions = {
  /** Ready connectors by connection id (tests); default: opened from the connection. */
  targets?: Record<string, ImTarget>;
  now?: Date;
  settings?: Partial<PlanSettings>;
};

/**
 * Provision on demand: for one employee and one IM target (or every enabled target with a mapping),
 * the planner's trace and the IM calls it would make. With `dryRun: false` the calls are made now,
 * as an INCREMENTAL sync run triggered `provision:<actor>` through the normal apply path, and audited.
 * A target already in sync gets no run, so a repeated Apply does nothing.
 */
export async function provisionEmployee(
  input: ProvisionRequest & { employeeNo: string },
  ctx: CommandContext,
  options: ProvisionEmployeeOptions = {},
): Promise<ProvisionResult> {
  const { employeeNo, ...body } = input;
  const { dryRun, connectionId } = provisionRequestSchema.parse(body);
  const client = ctx.tx ?? db;
  const employee = await client.employee.findUnique({
    where: { employeeNo },
    select: { id: true },
  });
  if (!employee) throw notFound("Employee");
  const targets = await client.connection.findMany({
    where: {
      kind: "IM_TARGET",
      enabled: true,
      ...(connectionId ? { id: connectionId } : { mappings: { some: {} } }),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, provider: true },
  });
  if (connectionId && targets.length === 0)
    throw new AppError(404, "not_found", "Enabled IM target not found.", "connectionId");

  const result: ProvisionResult = {
    employeeNo,
    dryRun,
    targets: targets.map((t) => ({ connectionId: t.id, name: t.name, platform: t.provider })),
    trace: [],
    calls: [],
    runs: [],
  };
  for (const t of targets) {
    const target = options.targets?.[t.id] ?? (await openImTarget(t.id)).target;
    const plan = await planProvision({
      employeeNo,
      connectionId: t.id,
      target,
      now: options.now,
      settings: options.settings,
    });
    result.trace.push(...plan.trace.map((e) => ({ connectionId: t.id, ...e })));
    result.calls.push(...plan.calls.map((c) => ({ connectionId: t.id, ...c })));
    if (dryRun || plan.calls.length === 0) continue;

    const run = await runIncrementalSync({
      connectionId: t.id,
      employeeNos: [employeeNo],
      onlyEmployee: employeeNo,
      trigger: `provision:${ctx.actor.id}`,
      target,
      now: options.now,
      settings: options.settings,
    });
    const outcome = {
      connectionId: t.id,
      runId: run.runId,
      status: run.finish?.status ?? run.plan.status,
      applied: run.finish?.applied ?? 0,
      failed: run.finish?.failed ?? 0,
    };
    result.runs.push(outcome);
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, ctx.actor, {
        action: "employee.provisioned",
        targetType: "employee",
        targetId: employeeNo,
        after: { ...outcome, calls: plan.calls.map((c) => c.method) },
      }),
    );
  }
  return result;
}
