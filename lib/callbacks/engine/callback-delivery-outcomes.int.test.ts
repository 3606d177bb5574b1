// Callback delivery outcomes: dead letters and replay, disabling, parking, SSRF at send time, pacing,
// test events and the demo receiver; setup in callback-engine-test-env.ts.
import { describe, expect, it } from "vitest";
import type { Resolver } from "@/lib/callbacks/engine/ssrf-guard";
import { AppError } from "@/lib/core/errors";
import {
  admin,
  drain,
  endpointFor,
  examPassed,
  fast,
  m,
  queued,
  receiver,
  receivers,
  adminCtx,
  setupCallbackEngineEnv,
} from "./callback-engine-test-env";

setupCallbackEngineEnv();

describe("delivery", () => {
  it("dead-letters after the last retry; replay and resend start them again", async () => {
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 204 } : { status: 500, body: "down" }));
    const { endpoint } = await endpointFor(r, { maxRetries: 2 });
    const since = new Date(Date.now() - 1000);
    for (let i = 0; i < 3; i++)
      await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const results = await drain([endpoint.id]);
    expect(results.map((x) => x.action)).toEqual(["dead", "dead", "dead"]);
    const dead = await m.db.callbackDelivery.findMany({
      where: { endpointId: endpoint.id },
      include: { attempts: true },
    });
    expect(dead.map((d) => [d.status, d.attemptCount, d.attempts.length])).toEqual(
      Array(3).fill(["DEAD", 3, 3]),
    );
    healthy = true;
    const stillRunning = await m.replay
      .resendDelivery({ deliveryId: dead[0].id }, adminCtx)
      .then(() => "resent");
    expect(stillRunning).toBe("resent");
    const busy = await m.replay
      .resendDelivery({ deliveryId: dead[0].id }, adminCtx)
      .catch((e) => e); // now PENDING
    expect((busy as AppError).field).toBe("deliveryId");
    expect(await m.replay.replayFailedSince({ endpointId: endpoint.id, since }, adminCtx)).toEqual({
      count: 2,
    });
    const again = await drain([endpoint.id]);
    expect(again.map((x) => x.action)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const done = await m.db.callbackDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(done.map((d) => [d.status, d.attemptCount])).toEqual(Array(3).fill(["SUCCEEDED", 4]));
  });

  it("410 Gone disables the endpoint with a reason and a system audit entry", async () => {
    const r = await receiver(() => ({ status: 410 }));
    const { endpoint } = await endpointFor(r);
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const [res] = await drain([endpoint.id]);
    expect(res).toMatchObject({ action: "endpoint_disabled", reason: "gone" });
    const row = await m.db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect([row.enabled, row.disabledReason]).toEqual([
      false,
      "gone: the receiver answered 410 Gone",
    ]);
    expect(row.disabledKind).toBe("GONE_410");
    const audit = await m.db.auditLog.findFirstOrThrow({
      where: { targetId: endpoint.id, action: "endpoint.auto_disabled" },
    });
    expect([audit.actorType, audit.actorId]).toEqual(["system", "callback-delivery"]);
    // Later events do not go to it.
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    expect(queued.filter((t) => t.endpointId === endpoint.id)).toHaveLength(0);
  });

  it("an endpoint failing for longer than the auto-disable period is disabled; its delivery parks; enabling resumes it", async () => {
    await m.policy.setCallbackAutoDisableHours({ hours: 1 }, adminCtx);
    try {
      let up = false;
      const r = await receiver(() => (up ? { status: 204 } : { status: 500 }));
      const { endpoint } = await endpointFor(r, { maxRetries: 10 });
      const { event } = await m.emit.emitEvent({
        type: "learning.exam.passed",
        data: examPassed(),
        source: "test",
      });
      const [ticket] = queued.splice(
        queued.findIndex((t) => t.endpointId === endpoint.id),
        1,
      );
      const t0 = new Date();
      const first = await m.attempt.attemptDelivery(
        { deliveryId: ticket.deliveryId, token: ticket.token },
        { now: () => t0, timeScale: 0.001 },
      );
      expect(first.action).toBe("retry");
      expect(
        (
          await m.db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })
        ).failingSince?.getTime(),
      ).toBe(t0.getTime());
      if (first.action !== "retry") throw new Error("expected a retry");
      const t1 = new Date(t0.getTime() + 61 * 60_000);
      const second = await m.attempt.attemptDelivery(
        { deliveryId: ticket.deliveryId, token: first.token },
        { now: () => t1, timeScale: 0.001 },
      );
      expect(second).toEqual({ action: "parked", attempt: 2, reason: "endpoint_auto_disabled" });
      const off = await m.db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(off.enabled).toBe(false);
      expect(off.disabledReason).toBe(`failing: no successful delivery since ${t0.toISOString()}`);
      expect(off.disabledKind).toBe("AUTO_FAILING");
      expect(
        await m.db.auditLog.count({
          where: { targetId: endpoint.id, action: "endpoint.auto_disabled", actorType: "system" },
        }),
      ).toBe(1);
      const parked = await m.db.callbackDelivery.findUniqueOrThrow({
        where: { id: ticket.deliveryId },
      });
      expect([parked.status, parked.nextAttemptAt]).toEqual(["PENDING", null]);

      up = true;
      await m.endpoints.setEndpointEnabled({ id: endpoint.id, enabled: true }, adminCtx);
      const [resumed] = await drain([endpoint.id]);
      expect(resumed).toMatchObject({ action: "succeeded", attempt: 3 });
      expect(r.received.filter((c) => c.webhookId === event.id && c.status === 204)).toHaveLength(
        1,
      );
      expect(
        (await m.db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } }))
          .failingSince,
      ).toBeNull();
    } finally {
      await m.policy.setCallbackAutoDisableHours({ hours: 24 }, adminCtx);
    }
  });

  it("a disabled endpoint's deliveries park instead of being sent, and a superseded run stops", async () => {
    const r = await receiver();
    const { endpoint } = await endpointFor(r);
    const { event } = await m.emit.emitEvent({
      type: "learning.exam.passed",
      data: examPassed(),
      source: "test",
    });
    const [ticket] = queued.filter((t) => t.endpointId === endpoint.id);
    await m.endpoints.setEndpointEnabled({ id: endpoint.id, enabled: false }, adminCtx);
    const [res] = await drain([endpoint.id]);
    expect(res).toEqual({ action: "stop", reason: "endpoint_disabled" });
    expect(r.received.filter((c) => c.webhookId === event.id)).toHaveLength(0);
    await m.endpoints.setEndpointEnabled({ id: endpoint.id, enabled: true }, adminCtx);
    // The old ticket lost ownership to the re-enable ticket.
    const stale = await m.attempt.attemptDelivery(
      { deliveryId: ticket.deliveryId, token: ticket.token },
      fast,
    );
    expect(stale).toEqual({ action: "stop", reason: "superseded" });
    expect((await drain([endpoint.id]))[0].action).toBe("succeeded");
  });

  it("SSRF at send time: a name that now resolves to loopback or 10.x is blocked, nothing is sent", async () => {
    let answer = "93.184.216.34";
    const resolve: Resolver = async () => [{ address: answer, family: 4 }];
    const { endpoint } = await endpointFor(
      "https://rebind.test/hook",
      { maxRetries: 1 },
      { resolve },
    );
    for (const address of ["127.0.0.2", "10.9.8.7"]) {
      answer = address;
      const { event } = await m.emit.emitEvent({
        type: "learning.exam.passed",
        data: examPassed(),
        source: "test",
      });
      const [res] = await drain([endpoint.id], { ...fast, resolve });
      expect(res).toMatchObject({ action: "dead", reason: "blocked" });
      const attempts = await m.db.callbackAttempt.findMany({
        where: { delivery: { eventId: event.id, endpointId: endpoint.id } },
      });
      expect(attempts).toHaveLength(2);
      expect(attempts[0].error).toMatch(
        new RegExp(`blocked: host "rebind.test" resolves to ${address.replace(/\./g, "\\.")}`),
      );
      expect(attempts[0].statusCode).toBeNull();
    }
  });

  it("rateLimitPerSecond: at the limit the run waits instead of sending (pacing, not an attempt)", async () => {
    const r = await receiver();
    const { endpoint } = await endpointFor(r, { rateLimitPerSecond: 1 });
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const [a, b] = queued.filter((t) => t.endpointId === endpoint.id);
    const now = new Date();
    const deps = { ...fast, now: () => now };
    expect(
      (await m.attempt.attemptDelivery({ deliveryId: a.deliveryId, token: a.token }, deps)).action,
    ).toBe("succeeded");
    const paced = await m.attempt.attemptDelivery(
      { deliveryId: b.deliveryId, token: b.token },
      deps,
    );
    expect(paced).toMatchObject({ action: "wait", reason: "rate_limited" });
    expect(await m.db.callbackAttempt.count({ where: { deliveryId: b.deliveryId } })).toBe(0);
    const later = { ...fast, now: () => new Date(now.getTime() + 1500) };
    expect(
      (await m.attempt.attemptDelivery({ deliveryId: b.deliveryId, token: b.token }, later)).action,
    ).toBe("succeeded");
  });

  it("sends a test event to one endpoint only", async () => {
    const [a, b] = [await receiver(), await receiver()];
    const ea = await endpointFor(a, { eventTypes: ["webhook.test", "learning.exam.passed"] });
    await endpointFor(b, { eventTypes: ["webhook.test"] });
    const { eventId } = await m.test.sendTestEvent({ endpointId: ea.endpoint.id }, adminCtx);
    expect(queued.map((t) => t.endpointId)).toEqual([ea.endpoint.id]);
    await drain([ea.endpoint.id]);
    expect(a.received.find((c) => c.webhookId === eventId)).toMatchObject({
      type: "webhook.test",
      verifiedWith: 0,
      data: { endpointId: ea.endpoint.id },
    });
    expect(b.received).toHaveLength(0);
  });
});

describe("demo sandbox receiver (local stack)", () => {
  it("keeps an existing network policy, creates the demo endpoint once, and verifies a test event with its secret", async () => {
    const { startDemoCallbackReceiver } =
      await import("@/lib/sandbox/callback-receiver/start-demo-callback-receiver");
    const { DEMO_ENDPOINT_NAME } =
      await import("@/lib/sandbox/callback-receiver/ensure-demo-callbacks");
    const logs: string[] = [];
    const demo = await startDemoCallbackReceiver({ port: 0, log: (l) => logs.push(l) });
    receivers.push(demo);
    expect(logs).toEqual([`callbacks: created the demo endpoint → ${demo.url}`]);
    const endpoint = await m.db.callbackEndpoint.findFirstOrThrow({
      where: { name: DEMO_ENDPOINT_NAME },
    });
    const { eventId } = await m.test.sendTestEvent({ endpointId: endpoint.id }, adminCtx);
    await drain([endpoint.id]);
    expect(demo.received.find((c) => c.webhookId === eventId)).toMatchObject({
      verifiedWith: 0,
      status: 204,
    });
    const listing = (await (await fetch(demo.url)).json()) as { received: { webhookId: string }[] };
    expect(listing.received[0].webhookId).toBe(eventId);
    expect(
      await m.db.auditLog.count({
        where: { actorId: "demo-setup", action: "callbacks.network_policy_updated" },
      }),
    ).toBe(0);
  });
});
