import type {
  HrEmployee as SourceEmployee,
  HrOrgUnit as SourceUnit,
  ImTarget,
} from "@/lib/connectors";
import { db } from "@/lib/core/db";
import { applySyncBatch } from "./apply-sync-batch";
import { finishSyncRun, type FinishSyncRunResult } from "./finish-sync-run";
import type { PlanSettings } from "../queries/load-plan-settings";
import { planSyncRun, type PlanSyncRunResult } from "./plan-sync-run";
import { pullHrDirectory, type PullHrDirectoryResult } from "./pull-hr-directory";
import { startSyncRun } from "./start-sync-run";

/** One change pushed by the HR source, already verified and normalised by its connector. */
export type HrChange =
  { kind: "employee"; record: SourceEmployee } | { kind: "org_unit"; record: SourceUnit };

export type MergeHrChangeResult = {
  /** false: the mirror already held this version or a newer one (late or repeated delivery). */
  applied: boolean;
  /** Employees whose accounts the change may affect. */
  employeeNos: string[];
  /** Units created to hold the place of a parent or unit HR has not sent yet. */
  placeholders: string[];
  pull: PullHrDirectoryResult;
};

/**
 * Merges one pushed HR record into the OrgUnit/Employee mirror, keeping the newest version: events may
 * arrive late, twice or out of order (a child before its parent, an update before its create) and still
 * converge. Returns who is affected: the employee, or everyone in the unit's subtree.
 */
export async function mergeHrChange(
  change: HrChange,
  /** The HR connection that pushed it: it owns what it creates (several sources feed one directory). */
  sourceConnectionId?: string,
): Promise<MergeHrChangeResult> {
  const pull = await pullHrDirectory({
    sourceConnectionId,
    records:
      change.kind === "employee" ? { employees: [change.record] } : { units: [change.record] },
    newerOnly: true,
  });
  const applied = pull.stale === 0;
  let employeeNos: string[] = [];
  if (applied && change.kind === "employee") employeeNos = [change.record.employeeNo];
  if (applied && change.kind === "org_unit") {
    const unit = await db.orgUnit.findUnique({
      where: { code: change.record.code },
      select: { path: true },
    });
    if (unit) {
      const rows = await db.employee.findMany({
        where: {
          orgUnit: { OR: [{ path: unit.path }, { path: { startsWith: `${unit.path}/` } }] },
        },
        select: { employeeNo: true },
      });
      employeeNos = rows.map((r) => r.employeeNo);
    }
  }
  return { applied, employeeNos, placeholders: pull.placeholders, pull };
}

export type RunIncrementalSyncOptions = {
  /** The IM_TARGET connection. */
  connectionId: string;
  /** Employees to plan (all org units and groups are always planned). */
  employeeNos: string[];
  /** e.g. `hr-webhook:<event id>`. */
  trigger: string;
  target?: ImTarget;
  now?: Date;
  settings?: Partial<PlanSettings>;
  /** Provision on demand: apply only this employee's changes (see planSyncRun). */
  onlyEmployee?: string;
};

export type RunIncrementalSyncResult = {
  runId: string;
  plan: PlanSyncRunResult;
  finish?: FinishSyncRunResult;
};

/**
 * One incremental run against one IM target: plan the affected employees (and any group drift), apply,
 * close. Recorded as an INCREMENTAL sync run, so it shows in the console like any other. A plan over the
 * safety threshold waits for approval exactly like a full run.
 */
export async function runIncrementalSync(
  options: RunIncrementalSyncOptions,
): Promise<RunIncrementalSyncResult> {
  const { runId } = await startSyncRun({
    connectionId: options.connectionId,
    kind: "INCREMENTAL",
    trigger: options.trigger,
  });
  const plan = await planSyncRun({
    runId,
    target: options.target,
    now: options.now,
    settings: options.settings,
    scope: { employeeNos: options.employeeNos },
    onlyEmployee: options.onlyEmployee,
  });
  if (plan.status !== "RUNNING") return { runId, plan };
  for (const b of plan.batches)
    await applySyncBatch({ runId, ...b, target: options.target, now: options.now });
  return { runId, plan, finish: await finishSyncRun(runId) };
}

/**
 * The IM targets an HR change is synced to: every enabled one that has a mapping and has had its initial
 * full sync. Before that, a push only updates the mirror — the first full sync creates the whole tree in
 * one reviewed run, rather than the first hire of the day dragging every department along with it.
 */
export async function listIncrementalTargets(): Promise<string[]> {
  const rows = await db.connection.findMany({
    where: {
      kind: "IM_TARGET",
      enabled: true,
      mappings: { some: {} },
      syncRuns: { some: { kind: "FULL", status: { in: ["SUCCEEDED", "PARTIAL"] } } },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}
