// End to end through the real parts: POST /api/v1/events (route handler, API token) → stored
// event and deliveries → NOTIFY → the delivery worker (LISTEN, claim, keep-alive POSTs, bulk
// outcomes) → signed POSTs to local receivers that verify with the standardwebhooks library.
// Retry waits are scaled down (ORGBRIDGE_CALLBACK_TIME_SCALE).
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import {
  startCallbackReceiver,
  type CallbackReceiver,
  type ReceiverReply,
} from "@/lib/sandbox/callback-receiver/start-callback-receiver";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { waitFor } from "@/lib/testing/wait-for";
import type { DeliveryWorker } from "./delivery-worker";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
process.env.ORGBRIDGE_CALLBACK_TIME_SCALE = "0.01"; // 5 s → 50 ms, 30 s → 300 ms, 2 min → 1.2 s

const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const adminCtx = { actor: admin };
const at = "2026-07-01T08:00:00+08:00";
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const examPassed = (employeeNo: string) => ({
  employeeNo,
  examId: "X-1",
  score: 88,
  passingScore: 60,
  passedAt: at,
});

describe("callback delivery from the public API through the delivery worker", () => {
  let worker: DeliveryWorker;
  let token: string;
  let db: (typeof import("@/lib/core/db"))["db"];
  let createEndpoint: (typeof import("../commands/endpoints"))["createEndpoint"];
  let POST: (typeof import("@/app/api/v1/events/route"))["POST"];
  let POST_BATCH: (typeof import("@/app/api/v1/events/batch/route"))["POST"];
  const receivers: CallbackReceiver[] = [];
  const createdIds: string[] = [];

  const postEvent = async (body: unknown, auth = token) => {
    const res = await POST(
      new Request("http://orgbridge.test/api/v1/events", {
        method: "POST",
        headers: {
          authorization: `Bearer ${auth}`,
          "content-type": "application/json",
          // An address of this file's own: other files' unauthenticated calls count per address and minute.
          [PEER_HEADER]: "192.0.2.71",
        },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & {
        error?: { field?: string; code?: string };
      },
    };
  };

  const postBatch = async (body: unknown) => {
    const res = await POST_BATCH(
      new Request("http://orgbridge.test/api/v1/events/batch", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function endpointFor(receiver: CallbackReceiver, extra: Record<string, unknown> = {}) {
    const { endpoint, secret } = await createEndpoint(
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
    return { endpoint, secret };
  }

  const deliveriesOf = (endpointId: string) =>
    db.callbackDelivery.findMany({
      where: { endpointId },
      select: { eventId: true, status: true, attemptCount: true },
    });

  beforeAll(async () => {
    db = (await import("@/lib/core/db")).db;
    const { startDeliveryWorker } = await import("./delivery-worker");
    worker = startDeliveryWorker({ log: (l) => console.log("WORKER", l) });
    ({ createEndpoint } = await import("../commands/endpoints"));
    ({ POST } = await import("@/app/api/v1/events/route"));
    ({ POST: POST_BATCH } = await import("@/app/api/v1/events/batch/route"));
    const { setCallbackNetworkPolicy } = await import("../commands/allow-list");
    await setCallbackNetworkPolicy({ allowList: ["127.0.0.1"], allowHttp: true }, adminCtx);
    const { createToken } = await import("@/lib/tokens/commands/create-token");
    ({ token } = await createToken(
      { name: `training-${tag()}`, scopes: ["events:write"], expiresInDays: null },
      adminCtx,
    ));
  });

  afterAll(async () => {
    await db?.callbackEndpoint.deleteMany({ where: { id: { in: createdIds } } });
    await worker?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it("intake: 202 new, 200 with the original for a repeated id (no second delivery), 422 naming the field", async () => {
    const r = await startCallbackReceiver();
    receivers.push(r);
    const { endpoint } = await endpointFor(r);
    const id = `evt_${tag()}`;
    const first = await postEvent({
      id,
      type: "learning.exam.passed",
      timestamp: at,
      data: examPassed("E1"),
    });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      id,
      type: "learning.exam.passed",
      timestamp: new Date(at).toISOString(),
    });
    const again = await postEvent({ id, type: "learning.exam.passed", data: examPassed("E2") });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, duplicate: true, data: { employeeNo: "E1" } });
    const bad = await postEvent({
      id: `evt_${tag()}`,
      type: "learning.exam.passed",
      data: { ...examPassed("E3"), score: "high" },
    });
    expect([bad.status, bad.body.error?.code, bad.body.error?.field]).toEqual([
      422,
      "invalid_event",
      "data.score",
    ]);
    const unknown = await postEvent({ id: `evt_${tag()}`, type: "learning.exam.failed", data: {} });
    expect([unknown.status, unknown.body.error?.field]).toEqual([422, "type"]);
    expect(
      (await postEvent({ type: "learning.exam.passed", data: examPassed("E4") })).body.error?.field,
    ).toBe("id");
    expect(
      (
        await postEvent(
          { id: `evt_${tag()}`, type: "learning.exam.passed", data: examPassed("E5") },
          "obt_wrong",
        )
      ).status,
    ).toBe(401);

    await waitFor(
      "the delivery",
      () => deliveriesOf(endpoint.id),
      (d) => d.length === 1 && d[0].status === "SUCCEEDED",
    );
    expect(
      r.received.filter((c) => c.webhookId === id).map((c) => [c.verifiedWith, c.status]),
    ).toEqual([[0, 204]]);
    expect(
      await db.callbackEvent.count({ where: { source: { startsWith: "api:training-" } } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("a receiver failing the first attempts of every event (500, then a hang-up) still gets each event once", async () => {
    const seen = new Map<string, number>();
    const r = await startCallbackReceiver({
      reply: (call): ReceiverReply => {
        const nth = (seen.get(call.webhookId) ?? 0) + 1;
        seen.set(call.webhookId, nth);
        if (call.verifiedWith === null) return { status: 401 };
        return nth === 1 ? { status: 500, body: "oops" } : nth === 2 ? "close" : { status: 204 };
      },
    });
    receivers.push(r);
    const { endpoint } = await endpointFor(r);
    const ids = Array.from({ length: 20 }, () => `evt_${tag()}`);
    for (const [i, id] of ids.entries())
      expect(
        (await postEvent({ id, type: "learning.exam.passed", data: examPassed(`F${i}`) })).status,
      ).toBe(202);
    const done = await waitFor(
      "every delivery to succeed",
      () => deliveriesOf(endpoint.id),
      (d) => d.length === 20 && d.every((x) => x.status === "SUCCEEDED"),
    );
    expect(done.map((d) => d.attemptCount)).toEqual(Array(20).fill(3));
    for (const id of ids) {
      const calls = r.received.filter((c) => c.webhookId === id);
      expect(calls.map((c) => c.status)).toEqual([500, 0, 204]); // once delivered per webhook-id
      expect(calls.every((c) => c.verifiedWith === 0)).toBe(true);
    }
  });

  it("a receiver that is down for a while and comes back: nothing lost, each event delivered once", async () => {
    const first = await startCallbackReceiver();
    const port = first.port;
    const { endpoint, secret } = await endpointFor(first);
    await first.close(); // down: connections are refused
    const ids = Array.from({ length: 10 }, () => `evt_${tag()}`);
    for (const [i, id] of ids.entries())
      expect(
        (await postEvent({ id, type: "learning.exam.passed", data: examPassed(`D${i}`) })).status,
      ).toBe(202);
    await waitFor(
      "two refused attempts each",
      () => deliveriesOf(endpoint.id),
      (d) => d.length === 10 && d.every((x) => x.attemptCount >= 2 && x.status === "RETRYING"),
    );
    const back = await startCallbackReceiver({ port, secrets: [secret] });
    receivers.push(back);
    await waitFor(
      "every delivery to succeed",
      () => deliveriesOf(endpoint.id),
      (d) => d.every((x) => x.status === "SUCCEEDED"),
    );
    for (const id of ids)
      expect(
        back.received.filter((c) => c.webhookId === id).map((c) => [c.verifiedWith, c.status]),
      ).toEqual([[0, 204]]);
    const refused = await db.callbackAttempt.count({
      where: { delivery: { endpointId: endpoint.id }, error: { startsWith: "refused" } },
    });
    expect(refused).toBeGreaterThanOrEqual(20);
    const row = await db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect([row.enabled, row.failingSince]).toEqual([true, null]);
  });
  it("batch intake: a result per event (accepted, duplicate, the field error), each delivered once; 413 over 500, 400 without events", async () => {
    const r = await startCallbackReceiver();
    receivers.push(r);
    const { endpoint } = await endpointFor(r);
    const sentBefore = `evt_${tag()}`;
    expect(
      (await postEvent({ id: sentBefore, type: "learning.exam.passed", data: examPassed("B0") }))
        .status,
    ).toBe(202);
    const fresh = [`evt_${tag()}`, `evt_${tag()}`];
    const { status, body } = await postBatch({
      events: [
        { id: fresh[0], type: "learning.exam.passed", timestamp: at, data: examPassed("B1") },
        { id: sentBefore, type: "learning.exam.passed", data: examPassed("B2") },
        {
          id: `evt_${tag()}`,
          type: "learning.exam.passed",
          data: { ...examPassed("B3"), score: "x" },
        },
        { id: fresh[1], type: "learning.exam.passed", data: examPassed("B4") },
        { id: fresh[0], type: "learning.exam.passed", data: examPassed("B5") },
        { id: `evt_${tag()}`, type: "sync.completed", data: {} },
        42,
      ],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 2, duplicates: 2, errors: 3 });
    const results = body.results as { status: string; id?: string; error?: { field?: string } }[];
    expect(results.map((x) => x.status)).toEqual([
      "accepted",
      "duplicate",
      "error",
      "accepted",
      "duplicate",
      "error",
      "error",
    ]);
    expect([results[0].id, results[1].id, results[3].id]).toEqual([fresh[0], sentBefore, fresh[1]]);
    expect(results[2].error?.field).toBe("data.score");
    expect(results[5].error?.field).toBe("type");
    await waitFor(
      "the batch's deliveries",
      () => deliveriesOf(endpoint.id),
      (d) => d.length === 3 && d.every((x) => x.status === "SUCCEEDED"),
    );
    for (const id of fresh)
      expect(
        r.received.filter((c) => c.webhookId === id).map((c) => [c.verifiedWith, c.status]),
      ).toEqual([[0, 204]]);
    const stored = await db.callbackEvent.findUniqueOrThrow({ where: { id: fresh[0] } });
    expect(stored.data).toMatchObject({ employeeNo: "B1" }); // the first of the two, not the repeat

    const many = Array.from({ length: 501 }, (_, i) => ({
      id: `evt_many_${i}_${tag()}`,
      type: "learning.exam.passed",
      data: examPassed(`M${i}`),
    }));
    const tooMany = await postBatch({ events: many });
    expect([tooMany.status, (tooMany.body.error as { field?: string }).field]).toEqual([
      413,
      "events",
    ]);
    expect(await db.callbackEvent.count({ where: { scopedId: many[0].id } })).toBe(0);
    const none = await postBatch({ event: [] });
    expect([none.status, (none.body.error as { field?: string }).field]).toEqual([400, "events"]);
  });
});
