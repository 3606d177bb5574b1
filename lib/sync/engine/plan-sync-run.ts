import { randomUUID } from "node:crypto";
import { chunk } from "@/lib/connectors/core/collect";
import type { ImTarget } from "@/lib/connectors";
import { analyzeStaleTables } from "@/lib/core/analyze-stale-tables";
import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { changesForEmployee } from "@/lib/sync/rules/changes-for-employee";
import { planSync } from "@/lib/sync/rules/plan-sync";
import type { ImMembership, PlanSummary, SyncPlan } from "@/lib/sync/types";
import type { PlanSettings } from "../queries/load-plan-settings";
import { countManagedAccounts, loadSyncInput, type SyncScope } from "./load-sync-input";
import { openImTarget } from "../../connections/engine/open-connection";
import { emitSyncEvents } from "./emit-sync-events";
import { recordConflicts } from "./record-conflicts";
import { recordMemoryUpdates } from "./record-memory-updates";
import { settleManagerConflicts } from "./settle-manager-conflicts";

// A step per 1,000 changes: long enough that the pauses between steps (connector set-up, the batch read, the
// concurrency draining at its end) stay small, short enough that a retried step redoes little.
export const APPLY_BATCH_SIZE = 1_000;

export type PlanSyncRunOptions = {
  /** A run opened by startSyncRun. */
  runId: string;
  /** A ready IM connector (tests, benches); default: built from the run's connection. */
  target?: ImTarget;
  /** The planning instant; defaults to now. */
  now?: Date;
  /** Overrides of the stored sync settings. */
  settings?: Partial<PlanSettings>;
  /** Extra facts for the run summary (e.g. the HR pull's counts). */
  summaryExtra?: Record<string, unknown>;
  /** Changes per apply batch. */
  batchSize?: number;
  /** Incremental run: plan only these employees (see `SyncScope`). */
  scope?: SyncScope;
  /** Read every IM user in full (no no-change shortcut; see list-im-users.ts). */
  deepImRead?: boolean;
  /** Provision on demand: keep only this employee's changes and the groups they need (changes-for-employee.ts). */
  onlyEmployee?: string;
};

export type PlanSyncRunResult = {
  runId: string;
  status: "RUNNING" | "AWAITING_APPROVAL" | "SUCCEEDED";
  planned: number;
  conflicts: number;
  held: boolean;
  /** Held by the threshold, but an admin approved exactly this set of disables/deletes. */
  approved: boolean;
  /** Inclusive seq ranges, one apply step each. */
  batches: { fromSeq: number; toSeq: number }[];
  summary: PlanSummary;
};

/**
 * Plans a run: reads HR (mirror), IM and memory, runs the planner, and stores the
 * SyncChange rows, the conflicts (upserted by fingerprint) and the memory-only
 * updates. A dry run stores changes and conflicts but touches no memory. A run
 * held by the safety threshold waits in AWAITING_APPROVAL unless the same set of
 * destructive changes was already approved (deletion_threshold resolved keep HR).
 * Safe to repeat: a run already planned returns what it planned.
 */
export async function planSyncRun(options: PlanSyncRunOptions): Promise<PlanSyncRunResult> {
  const batchSize = options.batchSize ?? APPLY_BATCH_SIZE;
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: options.runId } });
  if (run.status !== "PLANNING") return existingResult(run.id, batchSize);
  const dryRun = run.kind === "DRY_RUN";
  const target = options.target ?? (await openImTarget(run.connectionId)).target;
  const { input, scope } = await loadSyncInput({
    connectionId: run.connectionId,
    target,
    now: options.now,
    settings: options.settings,
    scope: options.scope,
    deepImRead: options.deepImRead,
  });
  let planned = planSync(input);
  // A scoped plan sees only its employees' accounts: the safety threshold of one that disables or
  // deletes someone is a share of every account on the target, so count them and plan again.
  if (options.scope && planned.summary.destructive > 0) {
    input.options = {
      ...input.options,
      managedAccountsTotal: await countManagedAccounts(run.connectionId),
    };
    planned = planSync(input);
  }
  // A scoped run reads only its employees' IM users, so it cannot see who else is still in a group it
  // would delete (WeCom refuses: 60005). Before deleting it reads every user's memberships (the cheap
  // listing) and plans again: a group people stay in is kept, with a group_not_empty conflict saying why.
  if (
    options.scope &&
    !options.onlyEmployee &&
    planned.changes.some((c) => c.op === "group.delete")
  ) {
    const memberships: ImMembership[] = [];
    for await (const ref of target.listUserRefs())
      memberships.push({ imUserId: ref.id, groupIds: ref.groupIds });
    input.im = { ...input.im, memberships };
    planned = planSync(input);
  }
  const plan = options.onlyEmployee
    ? onlyChanges(planned, changesForEmployee(planned.changes, options.onlyEmployee))
    : planned;

  let approved = false;
  let approvedBy: string | null = null;
  if (plan.summary.held) {
    const threshold = plan.conflicts.find((c) => c.type === "deletion_threshold");
    const decision = threshold
      ? await db.syncConflict.findUnique({ where: { fingerprint: threshold.fingerprint } })
      : null;
    approved = decision?.status === "RESOLVED" && decision.resolution === "KEEP_HR";
    approvedBy = approved ? (decision?.resolvedBy ?? null) : null;
  }
  const held = plan.summary.held && !approved;
  if (!dryRun) await recordMemoryUpdates(run.connectionId, plan.memoryUpdates);
  await recordConflicts(run.connectionId, run.id, plan.conflicts);
  await settleManagerConflicts({
    connectionId: run.connectionId,
    conflicts: plan.conflicts,
    ...(scope ? { employeeNos: scope.employeeNos } : {}),
  });

  const status =
    dryRun || plan.changes.length === 0 ? "SUCCEEDED" : held ? "AWAITING_APPROVAL" : "RUNNING";
  const summary = {
    ...plan.summary,
    memoryUpdates: plan.memoryUpdates.length,
    approved,
    ...options.summaryExtra,
  };
  await db.$transaction(
    async (tx) => {
      // One INSERT … unnest per 5,000 changes: Prisma's createMany spends seconds building statements this size.
      for (const [i, part] of chunk(plan.changes, 5_000).entries()) {
        const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
        await tx.$executeRaw`
          INSERT INTO "SyncChange" (id, "runId", seq, op, "targetType", "targetKey", before, after, status)
          SELECT u.id, ${run.id}, u.seq, u.op, u.target_type, u.target_key, u.before::jsonb, u.after::jsonb, 'PLANNED'
          FROM unnest(${part.map(() => randomUUID())}::text[], ${part.map((_, j) => i * 5_000 + j)}::int[], ${part.map((c) => c.op)}::text[],
                      ${part.map((c) => c.targetType)}::text[], ${part.map((c) => c.targetKey)}::text[],
                      ${part.map((c) => json(c.before))}::text[], ${part.map((c) => json(c.after))}::text[])
               AS u(id, seq, op, target_type, target_key, before, after)`;
      }
      await tx.syncRun.update({
        where: { id: run.id },
        data: {
          status,
          planned: plan.changes.length,
          conflicts: plan.conflicts.length,
          summary: summary as Prisma.InputJsonValue,
          ...(approved ? { approvedBy, approvedAt: new Date() } : {}),
          ...(status === "SUCCEEDED" ? { finishedAt: new Date() } : {}),
        },
      });
    },
    { timeout: 300_000 },
  );
  // A full plan writes a change per employee: the apply batches read them by run and seq.
  if (plan.changes.length >= 1_000) await analyzeStaleTables(["SyncChange"]);
  // A run with nothing to apply is complete here (incremental ones with nothing to do are not news).
  if (status === "SUCCEEDED" && run.kind !== "INCREMENTAL") await emitSyncEvents(run.id);
  return {
    runId: run.id,
    status,
    planned: plan.changes.length,
    conflicts: plan.conflicts.length,
    held,
    approved,
    batches: batchesOf(plan.changes.length, batchSize),
    summary: plan.summary,
  };
}

/** The plan cut down to `changes`, its counts recounted so the run summary says what it applies. */
function onlyChanges(plan: SyncPlan, changes: SyncPlan["changes"]): SyncPlan {
  const counts = Object.fromEntries(
    Object.keys(plan.summary.counts).map((op) => [op, 0]),
  ) as PlanSummary["counts"];
  for (const c of changes) counts[c.op]++;
  return { ...plan, changes, summary: { ...plan.summary, counts, total: changes.length } };
}

function batchesOf(total: number, size: number) {
  const out: { fromSeq: number; toSeq: number }[] = [];
  for (let from = 0; from < total; from += size)
    out.push({ fromSeq: from, toSeq: Math.min(total, from + size) - 1 });
  return out;
}

async function existingResult(runId: string, batchSize: number): Promise<PlanSyncRunResult> {
  const run = await db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  const summary = run.summary as (PlanSummary & { approved?: boolean }) | null;
  const status =
    run.status === "AWAITING_APPROVAL"
      ? "AWAITING_APPROVAL"
      : run.status === "RUNNING"
        ? "RUNNING"
        : "SUCCEEDED";
  return {
    runId,
    status,
    planned: run.planned,
    conflicts: run.conflicts,
    held: run.status === "AWAITING_APPROVAL",
    approved: summary?.approved ?? false,
    batches: status === "RUNNING" ? batchesOf(run.planned, batchSize) : [],
    summary: summary as PlanSummary,
  };
}
