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
  const [merged] = await mergeHrChanges([{ change, sourceConnectionId }]);
  return merged;
}

/**
 * Merges a batch of pushed records, one pull (one read of the mirror, one write) per HR source: a
 * burst of pushes costs a few statements rather than a pull per record. Several versions of one
 * record in the batch merge as the newest; a record whose version the mirror already holds (or a
 * newer one) changes nothing. One result per source, in the order the sources first appear; its
 * `applied` is false only when every record of that source was stale.
 */
export async function mergeHrChanges(
  changes: { change: HrChange; sourceConnectionId?: string }[],
  options: {
    /**
     * A retried merge: its first attempt may have merged these records and failed before they were
     * queued for the IM, so records the mirror already holds still name their employees.
     */
    staleAffects?: boolean;
  } = {},
): Promise<MergeHrChangeResult[]> {
  const bySource = new Map<string | undefined, HrChange[]>();
  for (const { change, sourceConnectionId } of changes) {
    const group = bySource.get(sourceConnectionId) ?? [];
    group.push(change);
    bySource.set(sourceConnectionId, group);
  }
  const out: MergeHrChangeResult[] = [];
  for (const [sourceConnectionId, group] of bySource) {
    const employees = group.flatMap((c) => (c.kind === "employee" ? [c.record] : []));
    const units = group.flatMap((c) => (c.kind === "org_unit" ? [c.record] : []));
    const pull = await pullHrDirectory({
      sourceConnectionId,
      records: { employees, units },
      newerOnly: true,
    });
    const distinct = new Set([
      ...employees.map((e) => `e:${e.employeeNo}`),
      ...units.map((u) => `u:${u.code}`),
    ]).size;
    const applied = pull.stale < distinct;
    const employeeNos = new Set<string>();
    if (applied || options.staleAffects) {
      for (const e of employees) employeeNos.add(e.employeeNo);
      for (const no of await subtreeEmployees(units.map((u) => u.code))) employeeNos.add(no);
    }
    out.push({ applied, employeeNos: [...employeeNos], placeholders: pull.placeholders, pull });
  }
  return out;
}

/** Employee numbers of everyone in these units' subtrees. */
async function subtreeEmployees(codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const units = await db.orgUnit.findMany({
    where: { code: { in: codes } },
    select: { path: true },
  });
  if (!units.length) return [];
  const rows = await db.employee.findMany({
    where: {
      OR: units.map((u) => ({
        orgUnit: { OR: [{ path: u.path }, { path: { startsWith: `${u.path}/` } }] },
      })),
    },
    select: { employeeNo: true },
  });
  return rows.map((r) => r.employeeNo);
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
