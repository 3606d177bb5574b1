import type { ImTarget } from "@/lib/connectors";
import { mapConcurrent } from "@/lib/connectors/core/collect";
import { analyzeStaleTables } from "@/lib/core/analyze-stale-tables";
import { db } from "@/lib/core/db";
import { performChange, type ApplyContext, type ChangeOutcome } from "./apply-change";
import { recordOutcomes } from "./record-outcomes";
import { openImTarget } from "../../connections/engine/open-connection";
import { platformRootGroup } from "./platform-root-group";

export type ApplySyncBatchOptions = {
  runId: string;
  /** First seq of the batch (inclusive). */
  fromSeq: number;
  /** Last seq of the batch (inclusive). */
  toSeq: number;
  /** A ready IM connector (tests, benches); default: built from the run's connection. */
  target?: ImTarget;
  /** The instant disables are compared against; defaults to now. */
  now?: Date;
  /** Account changes in flight at once (the connector's rate limiter still applies); default 8, 32 when the connection's rate limits are off. */
  concurrency?: number;
};

/**
 * The tables an apply batch's bookkeeping joins against and a full sync fills from empty (SyncChange is
 * analysed once, after the plan wrote it: the apply only reads it by run and seq).
 */
const APPLY_TABLES = ["ImAccount", "ImGroup", "Employee"] as const;
const ACCOUNT_CONCURRENCY = 8;
const UNLIMITED_ACCOUNT_CONCURRENCY = 32;
/** Outcomes recorded per transaction. Groups flush sooner: a group created but not yet recorded costs a listing to find again after a crash. */
const GROUP_FLUSH = 20;
/** Group creates in flight at once (never more than the account concurrency). */
const GROUP_CONCURRENCY = 8;
const ACCOUNT_FLUSH = 100;

/** Consecutive changes of the same target type. */
function segments<T extends { targetType: string }>(changes: T[]): T[][] {
  const out: T[][] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (last && last[0].targetType === c.targetType) last.push(c);
    else out.push([c]);
  }
  return out;
}

export type RunCounters = { applied: number; failed: number; skipped: number };

/**
 * Applies the still-PLANNED changes of one seq range in plan order (account
 * changes of different employees concurrently), recording their outcomes a few
 * dozen at a time (memory and status in one transaction, so a repeated batch
 * skips what was recorded and re-finds what was applied but not yet recorded);
 * the run's counters move with each recording, so the console's progress figure
 * follows the apply and a repeated batch counts nothing twice.
 */
export async function applySyncBatch(options: ApplySyncBatchOptions): Promise<RunCounters> {
  const run = await db.syncRun.findUniqueOrThrow({
    where: { id: options.runId },
    select: {
      connectionId: true,
      status: true,
      kind: true,
      connection: { select: { config: true } },
    },
  });
  if (run.status === "RUNNING") {
    // A full sync fills ImAccount and SyncChange from empty: plan this batch's bulk statements on fresh statistics.
    await analyzeStaleTables(APPLY_TABLES);
    const target = options.target ?? (await openImTarget(run.connectionId)).target;
    const changes = await db.syncChange.findMany({
      where: {
        runId: options.runId,
        seq: { gte: options.fromSeq, lte: options.toSeq },
        status: "PLANNED",
      },
      orderBy: { seq: "asc" },
    });
    const ctx: ApplyContext = {
      connectionId: run.connectionId,
      target,
      rootGroupId: platformRootGroup(target),
      now: options.now,
      unitGroups: await loadUnitGroups(run.connectionId, changes),
      claimGroups: run.kind === "INCREMENTAL",
      accountIds: await loadManagerAccounts(run.connectionId, changes),
    };
    const unlimited =
      (run.connection.config as { rateLimit?: unknown } | null)?.rateLimit === false;
    const concurrency =
      options.concurrency ?? (unlimited ? UNLIMITED_ACCOUNT_CONCURRENCY : ACCOUNT_CONCURRENCY);

    // Outcomes wait here until a flush records them; flushes run one after another, in completion order.
    let pending: ChangeOutcome[] = [];
    let recording: Promise<unknown> = Promise.resolve();
    const flush = () => {
      const part = pending;
      pending = [];
      if (part.length > 0) recording = recording.then(() => recordOutcomes(run.connectionId, part));
      recording.catch(() => {}); // surfaced by the awaited flush at the end of the segment
      return recording;
    };
    const apply = async (change: (typeof changes)[number], flushAt: number) => {
      const outcome = await performChange(ctx, change);
      if (!outcome) return;
      pending.push(outcome);
      if (pending.length >= flushAt) void flush();
    };

    for (const segment of segments(changes)) {
      if (segment[0].targetType !== "im_account") {
        // Groups in plan order: parents before children, children before deleted parents. Consecutive creates
        // whose parents already exist go out together (a wave ends where a create needs a group of its own wave).
        let wave: typeof segment = [];
        const inWave = new Set<string>();
        const runWave = async () => {
          await mapConcurrent(wave, Math.min(concurrency, GROUP_CONCURRENCY), (change) =>
            apply(change, GROUP_FLUSH),
          );
          wave = [];
          inWave.clear();
        };
        for (const change of segment) {
          if (change.op !== "group.create") {
            await runWave();
            await apply(change, GROUP_FLUSH);
            continue;
          }
          const after = change.after as {
            unitCode: string;
            parent: { pendingUnitCode?: string } | null;
          };
          if (after.parent?.pendingUnitCode && inWave.has(after.parent.pendingUnitCode))
            await runWave();
          wave.push(change);
          inWave.add(after.unitCode);
        }
        await runWave();
      } else {
        // Accounts go out together, except that a change naming a manager this wave creates waits for the
        // wave to end (the plan puts managers' creates first); one account's changes stay in order.
        for (const wave of managerWaves(segment))
          await mapConcurrent(byAccount(wave), concurrency, async (list) => {
            for (const change of list) await apply(change, ACCOUNT_FLUSH);
          });
      }
      await flush();
    }
  }
  // Each flush moved the run's counters with the statuses it wrote (record-outcomes.ts): no recount per batch.
  return db.syncRun.findUniqueOrThrow({
    where: { id: options.runId },
    select: { applied: true, failed: true, skipped: true },
  });
}

/** Splits account changes (in plan order) where a change names a manager created earlier in the same wave. */
function managerWaves<T extends { op: string; targetKey: string; after: unknown }>(
  changes: T[],
): T[][] {
  const waves: T[][] = [[]];
  let created = new Set<string>();
  for (const change of changes) {
    const manager = (change.after as { manager?: { pendingEmployeeNo?: string } | null } | null)
      ?.manager;
    if (manager?.pendingEmployeeNo && created.has(manager.pendingEmployeeNo)) {
      waves.push([]);
      created = new Set();
    }
    waves.at(-1)!.push(change);
    if (change.op === "account.create") created.add(change.targetKey);
  }
  return waves.filter((w) => w.length > 0);
}

/** One list per account, in plan order: an account's changes (disable then delete) apply one after another. */
function byAccount<T extends { targetKey: string }>(changes: T[]): T[][] {
  const lists = new Map<string, T[]>();
  for (const change of changes)
    lists.set(change.targetKey, [...(lists.get(change.targetKey) ?? []), change]);
  return [...lists.values()];
}

/** The groups of every unit the batch's changes name (`pendingUnitCode` refs, created and deleted units), in one query. */
async function loadUnitGroups(
  connectionId: string,
  changes: { op: string; targetKey: string; after: unknown }[],
): Promise<Map<string, string | null>> {
  const codes = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      if (typeof v.pendingUnitCode === "string") codes.add(v.pendingUnitCode);
      for (const child of Object.values(v)) if (child && typeof child === "object") visit(child);
    }
  };
  for (const c of changes) {
    if (c.op === "group.create" || c.op === "group.delete")
      codes.add(c.op === "group.create" ? (c.after as { unitCode: string }).unitCode : c.targetKey);
    visit(c.after);
  }
  const map = new Map<string, string | null>([...codes].map((code) => [code, null]));
  if (codes.size === 0) return map;
  const rows = await db.imGroup.findMany({
    where: { connectionId, orgUnitCode: { in: [...codes] }, deleted: false },
    select: { orgUnitCode: true, externalId: true },
  });
  for (const r of rows) if (r.orgUnitCode) map.set(r.orgUnitCode, r.externalId);
  return map;
}

/**
 * The accounts of every manager the batch's changes name by employee number (created earlier in the run),
 * in one query: a lookup per change cost a round trip per account (100k at a full sync of 100k).
 */
async function loadManagerAccounts(
  connectionId: string,
  changes: { after: unknown }[],
): Promise<Map<string, string | null>> {
  const nos = new Set<string>();
  for (const c of changes) {
    const ref = (c.after as { manager?: { pendingEmployeeNo?: string } | null } | null)?.manager;
    if (ref?.pendingEmployeeNo) nos.add(ref.pendingEmployeeNo);
  }
  const map = new Map<string, string | null>([...nos].map((no) => [no, null]));
  if (nos.size === 0) return map;
  const rows = await db.imAccount.findMany({
    where: {
      connectionId,
      employee: { employeeNo: { in: [...nos] } },
      state: { in: ["PENDING", "ACTIVE"] },
    },
    select: { imUserId: true, employee: { select: { employeeNo: true } } },
  });
  for (const r of rows) if (r.employee) map.set(r.employee.employeeNo, r.imUserId);
  return map;
}

/** Recounts applied/failed/skipped from the run's change rows. */
export async function refreshRunCounters(runId: string): Promise<RunCounters> {
  const groups = await db.syncChange.groupBy({
    by: ["status"],
    where: { runId },
    _count: { _all: true },
  });
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  const counters = {
    applied: count("APPLIED"),
    failed: count("FAILED"),
    skipped: count("SKIPPED"),
  };
  await db.syncRun.update({ where: { id: runId }, data: counters });
  return counters;
}
