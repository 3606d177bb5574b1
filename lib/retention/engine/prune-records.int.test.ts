import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/core/db";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";
import { pruneKind } from "./prune-kind";

setupTestDb();

const DAY = 86_400_000;
const now = new Date();
const OLD = new Date(now.getTime() - 40 * DAY);
const RECENT = new Date(now.getTime() - 20 * DAY);
const uid = () => randomUUID().slice(0, 8);

async function callbackWorld() {
  const endpoint = await db.callbackEndpoint.create({
    data: { name: `retention ${uid()}`, url: "https://receiver.test/hook", secretCipher: "x" },
  });
  const event = async (createdAt: Date) =>
    (
      await db.callbackEvent.create({
        data: {
          id: `cbe-${randomUUID()}`,
          type: "employee.updated",
          data: {},
          source: "test",
          scopedId: randomUUID(),
          createdAt,
        },
      })
    ).id;
  const delivery = async (
    eventId: string,
    status: "PENDING" | "SUCCEEDED" | "RETRYING" | "DEAD",
    completedAt: Date | null,
    attemptsAt: Date[],
  ) =>
    (
      await db.callbackDelivery.create({
        data: {
          endpointId: endpoint.id,
          eventId,
          status,
          completedAt,
          createdAt: OLD,
          attempts: {
            create: attemptsAt.map((createdAt, i) => ({
              attempt: i + 1,
              requestHeaders: {},
              latencyMs: 5,
              createdAt,
            })),
          },
        },
      })
    ).id;
  return { event, delivery };
}

describe("retention of callbacks, sync, notifications, messages and logs", () => {
  it("callback attempts: old ones of finished deliveries only", async () => {
    const { event, delivery } = await callbackWorld();
    const dead = await delivery(await event(OLD), "DEAD", RECENT, [OLD, OLD, RECENT]);
    const retrying = await delivery(await event(OLD), "RETRYING", null, [OLD, OLD]);
    const pending = await delivery(await event(OLD), "PENDING", null, [OLD]);

    const result = await pruneKind({ kind: "callbackAttempts", days: 30, now, batchSize: 1 });

    expect(result).toMatchObject({ removed: 2, complete: true });
    expect(await db.callbackAttempt.count({ where: { deliveryId: dead } })).toBe(1);
    expect(await db.callbackAttempt.count({ where: { deliveryId: retrying } })).toBe(2);
    expect(await db.callbackAttempt.count({ where: { deliveryId: pending } })).toBe(1);
  });

  it("callback deliveries: finished ones past the cutoff with their attempts, then events nothing references", async () => {
    const { event, delivery } = await callbackWorld();
    const evDone = await event(OLD);
    const evLive = await event(OLD);
    const evOrphanOld = await event(OLD);
    const evOrphanRecent = await event(RECENT);
    const evRecentDone = await event(OLD);
    const succeeded = await delivery(evDone, "SUCCEEDED", OLD, [OLD, OLD, OLD]);
    const retrying = await delivery(evLive, "RETRYING", null, [OLD]);
    const recentDead = await delivery(evRecentDone, "DEAD", RECENT, [OLD]);

    const result = await pruneKind({ kind: "callbackDeliveries", days: 30, now, batchSize: 2 });

    // 3 attempts + 1 delivery + 2 unreferenced old events
    expect(result).toMatchObject({ removed: 6, complete: true });
    expect(await db.callbackDelivery.count({ where: { id: succeeded } })).toBe(0);
    expect(await db.callbackAttempt.count({ where: { deliveryId: succeeded } })).toBe(0);
    expect(await db.callbackDelivery.count({ where: { id: { in: [retrying, recentDead] } } })).toBe(
      2,
    );
    const events = await db.callbackEvent.findMany({
      where: { id: { in: [evDone, evLive, evOrphanOld, evOrphanRecent, evRecentDone] } },
      select: { id: true },
    });
    expect(events.map((e) => e.id).sort()).toEqual([evLive, evOrphanRecent, evRecentDone].sort());
  });

  it("sync changes of finished runs go after 30 days, the runs themselves on their own retention", async () => {
    const connection = await db.connection.create({
      data: { kind: "IM_TARGET", provider: "sandbox-im", name: `retention ${uid()}` },
    });
    const run = (status: "SUCCEEDED" | "RUNNING" | "FAILED", finishedAt: Date | null) =>
      db.syncRun.create({
        data: {
          connectionId: connection.id,
          kind: "FULL",
          trigger: "test",
          status,
          startedAt: OLD,
          finishedAt,
          changes: {
            create: [1, 2, 3].map((seq) => ({
              seq,
              op: "account.create",
              targetType: "account",
              targetKey: `k${seq}`,
            })),
          },
        },
      });
    const done = await run("SUCCEEDED", OLD);
    const running = await run("RUNNING", null);
    const recent = await run("FAILED", RECENT);
    const changes = (runId: string) => db.syncChange.count({ where: { runId } });

    const pruned = await pruneKind({ kind: "syncChanges", days: 30, now, batchSize: 2 });
    expect(pruned).toMatchObject({ removed: 3, complete: true });
    expect(await changes(done.id)).toBe(0);
    expect(await db.syncRun.count({ where: { id: done.id } })).toBe(1);
    expect(await changes(running.id)).toBe(3);
    expect(await changes(recent.id)).toBe(3);

    const runs = await pruneKind({ kind: "syncRuns", days: 30, now });
    expect(runs).toMatchObject({ removed: 1, complete: true });
    const left = await db.syncRun.findMany({
      where: { connectionId: connection.id },
      select: { id: true },
    });
    expect(left.map((r) => r.id).sort()).toEqual([running.id, recent.id].sort());
  });

  it("notification deliveries: sent, suppressed and failed ones past the cutoff, never queued or deferred", async () => {
    const category = await db.notificationCategory.create({
      data: { key: `retention-${uid()}`, nameZh: "保留", nameEn: "Retention" },
    });
    const notification = await db.notification.create({
      data: {
        categoryId: category.id,
        categoryVersion: 1,
        title: "t",
        body: "b",
        audience: {},
        requestedBy: "test",
      },
    });
    const delivery = async (
      status: "QUEUED" | "DEFERRED" | "SENT" | "SUPPRESSED" | "FAILED",
      createdAt: Date,
    ) =>
      (
        await db.notificationDelivery.create({
          data: {
            notificationId: notification.id,
            employeeId: (await makeEmployee()).id,
            status,
            createdAt,
          },
        })
      ).id;
    const gone = [
      await delivery("SENT", OLD),
      await delivery("SUPPRESSED", OLD),
      await delivery("FAILED", OLD),
    ];
    const kept = [
      await delivery("QUEUED", OLD),
      await delivery("DEFERRED", OLD),
      await delivery("SENT", RECENT),
    ];

    const result = await pruneKind({ kind: "notificationDeliveries", days: 30, now, batchSize: 2 });

    expect(result).toMatchObject({ removed: 3, complete: true });
    expect(result.batches).toBe(3);
    expect(await db.notificationDelivery.count({ where: { id: { in: gone } } })).toBe(0);
    expect(await db.notificationDelivery.count({ where: { id: { in: kept } } })).toBe(3);
  });

  it("sandbox messages, API request log and audit log: by age alone", async () => {
    const tag = uid();
    await db.sandboxImMessage.createMany({
      data: [OLD, OLD, RECENT].map((createdAt) => ({
        msgid: tag,
        userid: "u",
        agentid: 1,
        msgtype: "text",
        content: {},
        createdAt,
      })),
    });
    await db.apiRequestLog.createMany({
      data: [OLD, RECENT].map((createdAt) => ({
        method: "GET",
        route: `/retention/${tag}`,
        status: 200,
        latencyMs: 1,
        requestId: tag,
        createdAt,
      })),
    });
    await db.auditLog.createMany({
      data: [OLD, OLD, RECENT].map((createdAt) => ({
        actorType: "system",
        actorId: "test",
        action: `retention.test.${tag}`,
        targetType: "x",
        createdAt,
      })),
    });

    // Other files may have left old rows of these kinds: what is ours is counted below.
    for (const kind of ["sandboxMessages", "apiRequestLog", "auditLog"] as const) {
      const result = await pruneKind({ kind, days: 30, now, batchSize: 1 });
      expect(result.complete).toBe(true);
      expect(result.removed).toBeGreaterThanOrEqual(kind === "apiRequestLog" ? 1 : 2);
    }

    expect(await db.sandboxImMessage.count({ where: { msgid: tag } })).toBe(1);
    expect(await db.apiRequestLog.count({ where: { requestId: tag } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: `retention.test.${tag}` } })).toBe(1);
  });

  it("a kind with many more rows than one batch is pruned whole with the default batch size", async () => {
    const tag = uid();
    await db.$executeRawUnsafe(
      `INSERT INTO "ApiRequestLog" (id, method, route, status, "latencyMs", "requestId", "createdAt")
       SELECT $1 || g, 'GET', '/bulk', 200, 1, $1, $2 FROM generate_series(1, 12000) g`,
      `bulk-${tag}`,
      OLD,
    );
    const result = await pruneKind({ kind: "apiRequestLog", days: 30, now });
    expect(result).toMatchObject({ removed: 12_000, complete: true });
    expect(result.batches).toBe(4);
    expect(await db.apiRequestLog.count({ where: { requestId: `bulk-${tag}` } })).toBe(0);
  });

  it("gives up quickly on a table another transaction has locked, and records the failure", async () => {
    await db.sandboxImMessage.create({
      data: { msgid: uid(), userid: "u", agentid: 1, msgtype: "text", content: {}, createdAt: OLD },
    });
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query('LOCK TABLE "SandboxImMessage" IN ACCESS EXCLUSIVE MODE');
      const err = await pruneKind({ kind: "sandboxMessages", days: 30, now }).catch((e) => e);
      expect(String(err)).toMatch(/lock timeout/i);
      const last = await db.retentionPrune.findUniqueOrThrow({
        where: { kind: "sandboxMessages" },
      });
      expect(last).toMatchObject({ complete: false, removed: 0 });
      expect(last.error).toMatch(/lock timeout/i);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await pruneKind({ kind: "sandboxMessages", days: 30, now })).toMatchObject({
      removed: 1,
      complete: true,
    });
  });
});
