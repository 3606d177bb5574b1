import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/core/db";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { pruneKind } from "./prune-kind";

setupTestDb();

const DAY = 86_400_000;
const now = new Date();
const OLD = new Date(now.getTime() - 40 * DAY);
const RECENT = new Date(now.getTime() - 20 * DAY);

type RunStatus =
  "QUEUED" | "RUNNING" | "SLEEPING" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED";

async function makeRun(status: RunStatus, endedAt: Date | null, steps = 0, extra: object = {}) {
  const id = `run-${randomUUID()}`;
  await db.jobRun.create({
    data: {
      id,
      functionId: "orgbridge-retention-test",
      eventName: "test/retention",
      events: [],
      status,
      startedAt: OLD,
      endedAt,
      ...extra,
      steps: {
        create: Array.from({ length: steps }, (_, i) => ({
          hashedId: `h${i}`,
          name: `step ${i}`,
          op: "StepRun",
          status: "completed",
          startedAt: OLD,
        })),
      },
    },
  });
  return id;
}

const exists = async (id: string) => (await db.jobRun.count({ where: { id } })) === 1;
const stepsOf = (runId: string) => db.jobStep.count({ where: { runId } });

describe("retention of runs, events and the queue", () => {
  it("removes finished runs (and their steps) older than the cutoff, in batches, and never a live run", async () => {
    // Other test files share this database: their old finished runs go first, so the counts below are ours.
    await pruneKind({ kind: "jobRuns", days: 30, now });
    const completedOld = await makeRun("COMPLETED", OLD, 3);
    const failedOld = await makeRun("FAILED", OLD, 2);
    const cancelledOld = await makeRun("CANCELLED", OLD, 1);
    const completedRecent = await makeRun("COMPLETED", RECENT, 2);
    const running = await makeRun("RUNNING", null, 2);
    const queued = await makeRun("QUEUED", null, 0);
    // A live run never goes, whatever its timestamps say.
    const sleepingWithEnd = await makeRun("SLEEPING", OLD, 2);
    const waiting = await makeRun("WAITING", OLD, 1);

    const result = await pruneKind({ kind: "jobRuns", days: 30, now, batchSize: 2 });

    expect(result).toMatchObject({ removed: 3 + 3 + 2 + 1, complete: true, present: true });
    expect(result.batches).toBeGreaterThan(3);
    for (const id of [completedOld, failedOld, cancelledOld]) {
      expect(await exists(id)).toBe(false);
      expect(await stepsOf(id)).toBe(0);
    }
    for (const id of [completedRecent, running, queued, sleepingWithEnd, waiting])
      expect(await exists(id)).toBe(true);
    expect(await stepsOf(completedRecent)).toBe(2);
    expect(await stepsOf(running)).toBe(2);
    expect(await stepsOf(sleepingWithEnd)).toBe(2);
    const last = await db.retentionPrune.findUniqueOrThrow({ where: { kind: "jobRuns" } });
    expect(last).toMatchObject({ removed: 9, complete: true, days: 30, error: null });
  });

  it("with the default batch size takes more rows than one statement may, over several batches", async () => {
    const tag = randomUUID();
    // 3,000 finished runs of four steps each: 15,000 rows, three times one batch.
    await db.$executeRawUnsafe(
      `INSERT INTO "JobRun" (id, "functionId", "eventName", events, status, "startedAt", "endedAt", "updatedAt")
       SELECT $1 || g, 'orgbridge-retention-bulk', 'test/bulk', '[]', 'COMPLETED', $2, $2, $2
         FROM generate_series(1, 3000) g`,
      `bulk-${tag}-`,
      OLD,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "JobStep" (id, "runId", "hashedId", name, op, status, "startedAt")
       SELECT $1 || g || '-' || s, $1 || g, 'h' || s, 'step', 'StepRun', 'completed', $2
         FROM generate_series(1, 3000) g, generate_series(1, 4) s`,
      `bulk-${tag}-`,
      OLD,
    );
    const live = await makeRun("RUNNING", null, 4);

    const result = await pruneKind({ kind: "jobRuns", days: 30, now });

    expect(result.removed).toBe(15_000);
    expect(result.complete).toBe(true);
    expect(result.batches).toBeGreaterThanOrEqual(4);
    expect(await db.jobRun.count({ where: { id: { startsWith: `bulk-${tag}-` } } })).toBe(0);
    expect(await stepsOf(live)).toBe(4);
  });

  it("stops when its time budget is spent and says more is due", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await makeRun("COMPLETED", OLD, 0));
    const first = await pruneKind({ kind: "jobRuns", days: 30, now, batchSize: 5, budgetMs: 0 });
    expect(first).toMatchObject({ removed: 1, complete: false, batches: 1 });
    const rest = await pruneKind({ kind: "jobRuns", days: 30, now, batchSize: 5 });
    expect(rest).toMatchObject({ removed: 2, complete: true });
    for (const id of ids) expect(await exists(id)).toBe(false);
  });

  it("removes old events unless a run that has not finished names them", async () => {
    const event = async (receivedAt: Date) => {
      const id = `ev-${randomUUID()}`;
      await db.jobEvent.create({
        data: {
          id,
          name: "test/retention",
          data: {},
          ts: BigInt(receivedAt.getTime()),
          receivedAt,
        },
      });
      return id;
    };
    const [unreferenced, ofRunning, inWaitingBatch, ofCompleted, recent] = [
      await event(OLD),
      await event(OLD),
      await event(OLD),
      await event(OLD),
      await event(RECENT),
    ];
    await makeRun("RUNNING", null, 0, { eventId: ofRunning });
    await makeRun("WAITING", null, 0, { events: [{ id: inWaitingBatch, name: "test/retention" }] });
    await makeRun("COMPLETED", RECENT, 0, { eventId: ofCompleted });

    const result = await pruneKind({ kind: "jobEvents", days: 30, now, batchSize: 1 });

    expect(result).toMatchObject({ removed: 2, complete: true });
    const left = await db.jobEvent.findMany({
      where: { id: { in: [unreferenced, ofRunning, inWaitingBatch, ofCompleted, recent] } },
      select: { id: true },
    });
    expect(left.map((e) => e.id).sort()).toEqual([ofRunning, inWaitingBatch, recent].sort());
  });

  it("prunes pg-boss's archive and finished jobs, never a queued job, and tolerates pg-boss being absent", async () => {
    const [before] = await db.$queryRawUnsafe<{ t: string | null }[]>(
      `SELECT to_regclass('pgboss.archive')::text AS t`,
    );
    if (before.t === null) {
      const absent = await pruneKind({ kind: "queueArchive", days: 7, now });
      expect(absent).toMatchObject({ present: false, removed: 0, complete: true, batches: 0 });
    }
    const boss = new PgBoss({ connectionString: inject("databaseUrl"), schema: "pgboss" });
    boss.on("error", () => {});
    await boss.start();
    const queue = `retention-${randomUUID()}`;
    await boss.createQueue(queue);
    const insert = (state: string, completedOn: Date | null) =>
      db.$queryRawUnsafe<{ id: string }[]>(
        `INSERT INTO pgboss.job (name, data, state, completed_on) VALUES ($1, '{}', $2::pgboss.job_state, $3)
         RETURNING id::text`,
        queue,
        state,
        completedOn,
      );
    const [oldDone] = await insert("completed", OLD);
    const [oldFailed] = await insert("failed", OLD);
    const [recentDone] = await insert("completed", RECENT);
    const [queued] = await insert("created", null);
    const [toArchive] = await insert("completed", OLD);
    await db.$executeRawUnsafe(
      `WITH moved AS (DELETE FROM pgboss.job WHERE name = $1 AND id = $2::uuid RETURNING *)
       INSERT INTO pgboss.archive SELECT moved.*, $3::timestamptz FROM moved`,
      queue,
      toArchive.id,
      OLD,
    );
    await boss.stop({ graceful: false, wait: true });

    const result = await pruneKind({ kind: "queueArchive", days: 30, now, batchSize: 1 });

    expect(result).toMatchObject({ present: true, removed: 3, complete: true });
    const jobs = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM pgboss.job WHERE name = $1 ORDER BY id`,
      queue,
    );
    expect(jobs.map((j) => j.id).sort()).toEqual([recentDone.id, queued.id].sort());
    const archived = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.archive WHERE name = $1`,
      queue,
    );
    expect(archived[0].n).toBe(0);
  });
});
