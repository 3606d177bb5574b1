// The delivery worker on a real PostgreSQL against local receivers that verify every request
// with the standardwebhooks library: two workers at once deliver each event exactly once while
// 30 % of answers fail; a worker that claims and dies loses its claims to another after the
// lease; the shared rate limiter never hands out the same slot twice.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import {
  startCallbackReceiver,
  type CallbackReceiver,
} from "@/lib/sandbox/callback-receiver/start-callback-receiver";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { waitFor } from "@/lib/testing/wait-for";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const adminCtx = { actor: admin };
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const examPassed = (employeeNo: string) => ({
  employeeNo,
  examId: "X-1",
  score: 88,
  passingScore: 60,
  passedAt: "2026-07-01T08:00:00+08:00",
});

/** Deterministic "random" in [0, 1) from a string, so a failing run can be replayed. */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

const mod = async () => ({
  db: (await import("@/lib/core/db")).db,
  endpoints: await import("../commands/endpoints"),
  emit: await import("../commands/emit-event"),
  dispatch: await import("./dispatch-deliveries"),
  worker: await import("./delivery-worker"),
  claim: await import("./claim-deliveries"),
  record: await import("./record-outcomes"),
  slots: await import("./reserve-rate-slots"),
  policy: await import("../commands/allow-list"),
});
let m: Awaited<ReturnType<typeof mod>>;
const receivers: CallbackReceiver[] = [];
const createdIds: string[] = [];

async function endpointFor(receiver: CallbackReceiver, extra: Record<string, unknown> = {}) {
  const { endpoint, secret } = await m.endpoints.createEndpoint(
    {
      name: `ep-${tag()}`,
      url: receiver.url,
      eventTypes: ["learning.exam.passed"],
      maxRetries: 10,
      ...extra,
    },
    adminCtx,
  );
  receiver.setSecrets([secret]);
  createdIds.push(endpoint.id);
  return endpoint;
}

beforeAll(async () => {
  m = await mod();
  await m.policy.setCallbackNetworkPolicy({ allowList: ["127.0.0.1"], allowHttp: true }, adminCtx);
  // The workers claim whatever is due in the database: park what earlier test files left behind
  // (files run one after another), so these tests see only their own deliveries.
  await m.db.callbackDelivery.updateMany({
    where: { status: { in: ["PENDING", "RETRYING"] } },
    data: { nextAttemptAt: null },
  });
});
afterAll(async () => {
  await m.db.callbackEndpoint.deleteMany({ where: { id: { in: createdIds } } });
  await Promise.all(receivers.map((r) => r.close()));
});

describe("delivery worker", () => {
  it("two workers, 30 % of answers failing: every event acknowledged exactly once, none lost, no attempt recorded twice", async () => {
    const failed = new Set<string>();
    const make = () =>
      startCallbackReceiver({
        reply: (call, nth) => {
          if (call.verifiedWith === null) return { status: 401 };
          // 30 % of answers fail: a 500, a 503 with Retry-After, or a hang-up.
          const roll = unit(`${call.webhookId}:${nth}:${call.headers["webhook-timestamp"]}`);
          if (roll < 0.3) {
            failed.add(call.webhookId);
            return roll < 0.1
              ? { status: 500 }
              : roll < 0.2
                ? { status: 503, headers: { "retry-after": "1" } }
                : "close";
          }
          return { status: 204 };
        },
      });
    const [ra, rb] = [await make(), await make()];
    receivers.push(ra, rb);
    const ea = await endpointFor(ra);
    const eb = await endpointFor(rb);
    const ids = Array.from({ length: 150 }, (_, i) => `evt_x1_${i}_${tag()}`);
    const deps = { timeScale: 0.002, log: () => {} };
    const w1 = m.worker.startDeliveryWorker({ ...deps, batchSize: 20, perEndpoint: 8 });
    const w2 = m.worker.startDeliveryWorker({ ...deps, batchSize: 20, perEndpoint: 8 });
    try {
      // Ten clients at a time, as an integration would post; the workers deliver meanwhile.
      for (let i = 0; i < ids.length; i += 10)
        await Promise.all(
          ids.slice(i, i + 10).map((id, j) =>
            m.emit.emitEvent({
              id,
              type: "learning.exam.passed",
              data: examPassed(`W${i + j}`),
              source: "test",
            }),
          ),
        );
      const endpointIds = [ea.id, eb.id];
      await waitFor(
        "every delivery to succeed",
        () =>
          m.db.callbackDelivery.findMany({
            where: { endpointId: { in: endpointIds } },
            select: { status: true },
          }),
        (d) => d.length === 300 && d.every((x) => x.status === "SUCCEEDED"),
        120_000,
      );
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
      // Later tests emit the same type: these endpoints must not take part.
      await m.db.callbackEndpoint.updateMany({
        where: { id: { in: [ea.id, eb.id] } },
        data: { enabled: false },
      });
    }
    // Both workers took part.
    expect(w1.stats.recorded).toBeGreaterThan(0);
    expect(w2.stats.recorded).toBeGreaterThan(0);
    expect(failed.size).toBeGreaterThan(20);
    for (const [r, endpoint] of [
      [ra, ea],
      [rb, eb],
    ] as const) {
      const deliveries = await m.db.callbackDelivery.findMany({
        where: { endpointId: endpoint.id },
        include: { attempts: { orderBy: { attempt: "asc" } } },
      });
      for (const id of ids) {
        const calls = r.received.filter((c) => c.webhookId === id);
        // Each event acknowledged by the receiver exactly once, every request verified.
        expect(calls.filter((c) => c.status >= 200 && c.status < 300)).toHaveLength(1);
        expect(calls.every((c) => c.verifiedWith === 0)).toBe(true);
        const d = deliveries.find((x) => x.eventId === id)!;
        // One recorded attempt per request the receiver saw: none lost, none twice.
        expect(d.attempts.map((a) => a.attempt)).toEqual(calls.map((_, i) => i + 1));
        expect(d.attempts.map((a) => a.statusCode ?? 0)).toEqual(calls.map((c) => c.status));
        expect(d.attempts.filter((a) => a.statusCode === 204)).toHaveLength(1);
        expect(d.attemptCount).toBe(calls.length);
      }
    }
  });

  it("a worker that claims and dies: another takes the delivery after the lease, and the dead claim can no longer record", async () => {
    const r = await startCallbackReceiver();
    receivers.push(r);
    const endpoint = await endpointFor(r);
    // Nobody listens while the first "worker" claims: tickets are only collected.
    m.dispatch.setDeliveryDispatcher(async () => {});
    const id = `evt_lease_${tag()}`;
    try {
      await m.emit.emitEvent({
        id,
        type: "learning.exam.passed",
        data: examPassed("L1"),
        source: "test",
      });
    } finally {
      m.dispatch.setDeliveryDispatcher(null);
    }
    const [dead] = await m.claim.claimDueDeliveries({
      limit: 10,
      perEndpoint: 10,
      leaseMs: 1_500,
      skipEndpoints: [],
    });
    expect(dead).toMatchObject({ eventId: id, endpointId: endpoint.id });
    // While the lease holds, nobody else can claim it.
    expect(
      (await m.claim.claimDueDeliveries({ limit: 10, perEndpoint: 10, leaseMs: 1_500 })).map(
        (d) => d.id,
      ),
    ).not.toContain(dead.id);

    const w = m.worker.startDeliveryWorker({ log: () => {}, idleMs: 200 });
    try {
      await waitFor(
        "the other worker to deliver it",
        () => m.db.callbackDelivery.findUniqueOrThrow({ where: { id: dead.id } }),
        (d) => d.status === "SUCCEEDED",
      );
    } finally {
      await w.stop();
    }
    expect(r.received.filter((c) => c.webhookId === id).map((c) => c.status)).toEqual([204]);
    // The dead worker wakes up and tries to record a result under its old lease: nothing is written.
    const { parkOutcome } = await import("../rules/park-outcome");
    expect(await m.record.recordOutcomes([parkOutcome(dead)])).toEqual([]);
    const row = await m.db.callbackDelivery.findUniqueOrThrow({
      where: { id: dead.id },
      include: { attempts: true },
    });
    expect([row.status, row.attemptCount, row.attempts.length]).toEqual(["SUCCEEDED", 1, 1]);
  });

  it("an endpoint whose secret cannot be decrypted fails its own deliveries, not the batch", async () => {
    const [good, bad] = [await startCallbackReceiver(), await startCallbackReceiver()];
    receivers.push(good, bad);
    const [ok, broken] = [await endpointFor(good), await endpointFor(bad)];
    // As after a key rotation that dropped the key this secret was sealed with.
    await m.db.callbackEndpoint.update({
      where: { id: broken.id },
      data: { secretCipher: "v1:gone:AAAA:BBBB" },
    });
    const id = `evt_unreadable_${tag()}`;
    await m.emit.emitEvent({
      id,
      type: "learning.exam.passed",
      data: examPassed("U1"),
      source: "test",
    });
    const w = m.worker.startDeliveryWorker({ log: () => {}, idleMs: 200 });
    const of = (endpointId: string) =>
      m.db.callbackDelivery.findFirstOrThrow({
        where: { eventId: id, endpointId },
        include: { attempts: true },
      });
    try {
      await waitFor(
        "the readable endpoint's delivery",
        () => of(ok.id),
        (d) => d.status === "SUCCEEDED",
      );
      await waitFor(
        "the unreadable one's attempt",
        () => of(broken.id),
        (d) => d.attempts.length > 0,
      );
    } finally {
      await w.stop();
    }
    expect(good.received.filter((c) => c.webhookId === id).map((c) => c.status)).toEqual([204]);
    expect(bad.received).toEqual([]);
    const failed = await of(broken.id);
    expect(failed.status).not.toBe("SUCCEEDED");
    expect(failed.attempts[0].error).toMatch(/signing secret cannot be decrypted/);
  });

  it("the rate limiter grants each slot once across concurrent reservations, spaced exactly", async () => {
    const r = await startCallbackReceiver();
    receivers.push(r);
    const endpoint = await endpointFor(r, { rateLimitPerSecond: 10 });
    const now = new Date(Date.now() + 3_600_000); // a quiet hour: nothing reserved yet
    const asks = await Promise.all(
      Array.from({ length: 8 }, () =>
        m.slots.reserveRateSlots([{ endpointId: endpoint.id, want: 4, intervalMs: 100 }], {
          now,
          horizonMs: 1_000,
        }),
      ),
    );
    const granted = asks.flatMap((a) => {
      const s = a.get(endpoint.id)!;
      return Array.from({ length: s.granted }, (_, i) => s.firstMs + i * s.intervalMs);
    });
    // 1 s horizon at 10/s: slots at now, now+100 … now+1000 — 11, each given out once.
    expect(granted.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 11 }, (_, i) => now.getTime() + i * 100),
    );
  });
});
