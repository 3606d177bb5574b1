import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { pruneKind } from "./prune-kind";

setupTestDb();

const DAY = 86_400_000;
const now = new Date();
const OLD = new Date(now.getTime() - 40 * DAY);
const RECENT = new Date(now.getTime() - 2 * DAY);
const FUTURE = new Date(now.getTime() + 60_000);

async function makeRun(status: "QUEUED" | "RUNNING" | "COMPLETED" | "CANCELLED") {
  const id = `run-${randomUUID()}`;
  await db.jobRun.create({
    data: {
      id,
      functionId: "orgbridge-flow-retention-test",
      eventName: "test/flow",
      events: [],
      status,
      startedAt: OLD,
      endedAt: status === "COMPLETED" || status === "CANCELLED" ? OLD : null,
    },
  });
  return id;
}

describe("retention of the executor's flow-control records", () => {
  it("removes skips older than the cutoff in batches and keeps recent ones", async () => {
    const fn = `fn-skip-${randomUUID()}`;
    const skip = (createdAt: Date, n: number) =>
      db.jobSkip.create({
        data: {
          id: `skip-${randomUUID()}`,
          functionId: fn,
          eventId: `e${n}`,
          reason: "idempotent",
          key: "",
          createdAt,
        },
      });
    await skip(OLD, 1);
    await skip(OLD, 2);
    await skip(OLD, 3);
    const recent = await skip(RECENT, 4);

    const result = await pruneKind({ kind: "jobSkips", days: 14, now, batchSize: 1 });
    expect(result).toMatchObject({ kind: "jobSkips", complete: true });
    expect(result.removed).toBeGreaterThanOrEqual(3);
    expect(result.batches).toBeGreaterThanOrEqual(4); // one row per batch, then the empty one
    const left = await db.jobSkip.findMany({ where: { functionId: fn }, select: { id: true } });
    expect(left).toEqual([{ id: recent.id }]);
    // The outcome is what the dashboard's storage panel shows for the kind.
    expect(await db.retentionPrune.findUnique({ where: { kind: "jobSkips" } })).toMatchObject({
      days: 14,
      removed: result.removed,
      complete: true,
      error: null,
    });
  });

  it("removes stale keys, lapsed leases, waiters of ended runs and past throttle state; keeps anything still in use", async () => {
    const fn = `fn-flow-${randomUUID()}`;
    const live = await makeRun("QUEUED");
    const done = await makeRun("COMPLETED");
    const key = (name: string, updatedAt: Date, extra: { runId?: string; tat?: bigint } = {}) =>
      db.jobFlowKey.create({
        data: { functionId: fn, kind: "rate", key: name, updatedAt, ...extra },
      });
    await key("stale", OLD);
    await key("ended-run", OLD, { runId: done });
    await key("live-run", OLD, { runId: live });
    await key("debt-ahead", OLD, { tat: BigInt(FUTURE.getTime()) });
    await key("recent", RECENT);
    const lease = (k: string, leaseUntil: Date) =>
      db.jobFlowLease.create({
        data: { key: `${fn}:${k}`, runId: live, stepId: "step", leaseUntil },
      });
    await lease("lapsed", OLD);
    await lease("held", FUTURE);
    const wait = (k: string, runId: string) =>
      db.jobFlowWait.create({
        data: { key: `${fn}:${k}`, runId, stepId: "step", ord: OLD, token: "1:0", job: {} },
      });
    await wait("ended", done);
    await wait("waiting", live);
    await db.jobThrottle.create({ data: { key: `${fn}:past`, tat: OLD } });
    await db.jobThrottle.create({ data: { key: `${fn}:ahead`, tat: FUTURE } });

    const result = await pruneKind({ kind: "jobFlowState", days: 14, now, batchSize: 2 });
    expect(result).toMatchObject({ kind: "jobFlowState", complete: true });
    expect(result.removed).toBeGreaterThanOrEqual(5);

    const keys = await db.jobFlowKey.findMany({
      where: { functionId: fn },
      orderBy: { key: "asc" },
    });
    expect(keys.map((k) => k.key)).toEqual(["debt-ahead", "live-run", "recent"]);
    const leases = await db.jobFlowLease.findMany({ where: { key: { startsWith: `${fn}:` } } });
    expect(leases.map((l) => l.key)).toEqual([`${fn}:held`]);
    const waits = await db.jobFlowWait.findMany({ where: { key: { startsWith: `${fn}:` } } });
    expect(waits.map((w) => w.key)).toEqual([`${fn}:waiting`]);
    const throttles = await db.jobThrottle.findMany({ where: { key: { startsWith: `${fn}:` } } });
    expect(throttles.map((t) => t.key)).toEqual([`${fn}:ahead`]);
  });
});
