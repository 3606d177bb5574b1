// Callback delivery: signing, verification, rotation, Retry-After, redirects, body limits; setup in callback-engine-test-env.ts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signCallback } from "@/lib/callbacks/rules/sign-callback";
import {
  admin,
  at,
  drain,
  endpointFor,
  examPassed,
  fast,
  m,
  queued,
  receiver,
  adminCtx,
  setupCallbackEngineEnv,
} from "./callback-engine-test-env";

setupCallbackEngineEnv();

describe("delivery", () => {
  it("is signed so the standardwebhooks library verifies it; custom headers sent, secrets masked in the log", async () => {
    const r = await receiver();
    const { endpoint, secret } = await endpointFor(r, {
      headers: { Authorization: "Bearer abc", "x-tenant": "acme" },
    });
    const { event } = await m.emit.emitEvent({
      type: "learning.exam.passed",
      timestamp: at,
      data: examPassed(),
      source: "test",
    });
    const [result] = await drain([endpoint.id]);
    expect(result).toMatchObject({ action: "succeeded", attempt: 1, statusCode: 204 });
    const call = r.received.find((c) => c.webhookId === event.id)!;
    expect(call.verifiedWith).toBe(0);
    expect(call).toMatchObject({
      type: "learning.exam.passed",
      data: { employeeNo: "E1001", score: 88, maxScore: 100 },
    });
    expect(call.timestamp).toBe(new Date(at).toISOString());
    expect(call.headers).toMatchObject({
      authorization: "Bearer abc",
      "x-tenant": "acme",
      "content-type": "application/json",
    });
    const d = await m.db.callbackDelivery.findFirstOrThrow({
      where: { eventId: event.id, endpointId: endpoint.id },
      include: { attempts: true },
    });
    expect([d.status, d.attemptCount, d.lastStatusCode, d.nextAttemptAt]).toEqual([
      "SUCCEEDED",
      1,
      204,
      null,
    ]);
    const logged = d.attempts[0].requestHeaders as Record<string, string>;
    expect(logged.authorization).toBe("Bearer ••••");
    expect(logged["x-tenant"]).toBe("••••");
    expect(logged["webhook-signature"]).toMatch(/^v1,.{6}••••$/);
    expect(JSON.stringify(d.attempts)).not.toContain(secret.slice(6));
  });

  it("a tampered body, a wrong secret and an old timestamp fail the library's verification", async () => {
    const r = await receiver();
    const { endpoint, secret } = await endpointFor(r);
    const post = (body: string, headers: Record<string, string>) =>
      fetch(r.url, { method: "POST", body, headers });
    const signed = signCallback({
      id: "evt_sig",
      type: "learning.exam.passed",
      timestamp: at,
      data: examPassed(),
      secret,
    });
    expect((await post(signed.body, signed.headers)).status).toBe(204);
    expect(
      (await post(signed.body.replace('"score":88', '"score":99'), signed.headers)).status,
    ).toBe(401);
    const wrong = signCallback({
      id: "evt_sig",
      type: "learning.exam.passed",
      timestamp: at,
      data: examPassed(),
      secret: `whsec_${randomBytes(32).toString("base64")}`,
    });
    expect((await post(wrong.body, wrong.headers)).status).toBe(401);
    const old = signCallback({
      id: "evt_sig",
      type: "learning.exam.passed",
      timestamp: at,
      data: examPassed(),
      secret,
      now: new Date(Date.now() - 10 * 60_000),
    });
    expect((await post(old.body, old.headers)).status).toBe(401);
    expect(r.received.slice(-3).map((c) => c.verifyError)).toEqual([
      expect.stringMatching(/signature/i),
      expect.stringMatching(/signature/i),
      expect.stringMatching(/too old/i),
    ]);

    // Through the engine with a clock 10 minutes slow: the receiver refuses, the attempt is a retry.
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const slow = new Date(Date.now() - 10 * 60_000);
    const [ticket] = queued.filter((t) => t.endpointId === endpoint.id);
    const res = await m.attempt.attemptDelivery(
      { deliveryId: ticket.deliveryId, token: ticket.token },
      { now: () => slow, timeScale: 0.001 },
    );
    expect(res).toMatchObject({ action: "retry", reason: "client_error" });
    expect(r.received.at(-1)!.verifyError).toMatch(/too old/i);
  });

  it("rotation: during the overlap both the old and the new secret verify; after it only the new", async () => {
    const r = await receiver();
    const { endpoint, secret: oldSecret } = await endpointFor(r);
    const { secret: newSecret, previousSecretExpiresAt } = await m.endpoints.rotateEndpointSecret(
      { id: endpoint.id, overlapHours: 1 },
      adminCtx,
    );
    expect(previousSecretExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    for (const secrets of [[oldSecret], [newSecret]]) {
      r.setSecrets(secrets);
      await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
      const [res] = await drain([endpoint.id]);
      expect(res.action).toBe("succeeded");
      expect(r.received.at(-1)!.headers["webhook-signature"].split(" ")).toHaveLength(2);
      expect(r.received.at(-1)!.verifiedWith).toBe(0);
    }
    await m.endpoints.rotateEndpointSecret({ id: endpoint.id, overlapHours: 0 }, adminCtx);
    const { decryptSecrets } = await import("@/lib/core/crypto/encrypt-secrets");
    const row = await m.db.callbackEndpoint.findUniqueOrThrow({
      where: { id: endpoint.id },
      omit: { secretCipher: false },
    });
    r.setSecrets([newSecret]); // the secret before this rotation: no longer signs
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const [refused] = await drain([endpoint.id], { ...fast });
    expect(refused.action).toBe("dead");
    expect(r.received.at(-1)!.headers["webhook-signature"].split(" ")).toHaveLength(1);
    r.setSecrets([decryptSecrets<string>(row.secretCipher)]);
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    expect((await drain([endpoint.id]))[0].action).toBe("succeeded");
  });

  it("429 and 503 honour Retry-After: the planned time is the receiver's, not the schedule's", async () => {
    const now = new Date();
    const later = new Date(Math.ceil((now.getTime() + 7000) / 1000) * 1000); // HTTP dates have whole seconds
    const r = await receiver((nth) =>
      nth === 1
        ? { status: 429, headers: { "retry-after": "7" } }
        : {
            status: 503,
            headers: { "retry-after": new Date(later.getTime() + 90_000).toUTCString() },
          },
    );
    const { endpoint } = await endpointFor(r);
    await m.emit.emitEvent({ type: "learning.exam.passed", data: examPassed(), source: "test" });
    const [ticket] = queued.filter((t) => t.endpointId === endpoint.id);
    const first = await m.attempt.attemptDelivery(
      { deliveryId: ticket.deliveryId, token: ticket.token },
      { now: () => now, timeScale: 1 },
    );
    expect(first).toMatchObject({
      action: "retry",
      reason: "throttled",
      delayMs: 7000,
      at: new Date(now.getTime() + 7000).toISOString(),
    });
    const row = await m.db.callbackDelivery.findUniqueOrThrow({ where: { id: ticket.deliveryId } });
    expect([row.status, row.nextAttemptAt?.getTime()]).toEqual(["RETRYING", now.getTime() + 7000]);
    if (first.action !== "retry") throw new Error("expected a retry");
    const second = await m.attempt.attemptDelivery(
      { deliveryId: ticket.deliveryId, token: first.token },
      { now: () => later, timeScale: 1 },
    );
    expect(second).toMatchObject({
      action: "retry",
      reason: "unavailable",
      delayMs: 90_000,
      at: new Date(later.getTime() + 90_000).toISOString(),
    });
  });

  it("a redirect is not followed: one request, recorded as a failed attempt", async () => {
    const r = await receiver(() => ({
      status: 302,
      headers: { location: "http://169.254.169.254/latest/meta-data/" },
    }));
    const { endpoint } = await endpointFor(r, { maxRetries: 0 });
    const { event } = await m.emit.emitEvent({
      type: "learning.exam.passed",
      data: examPassed(),
      source: "test",
    });
    const [res] = await drain([endpoint.id]);
    expect(res).toMatchObject({ action: "dead", reason: "redirect" });
    expect(r.received.filter((c) => c.webhookId === event.id)).toHaveLength(1);
    const attempt = await m.db.callbackAttempt.findFirstOrThrow({
      where: { delivery: { eventId: event.id, endpointId: endpoint.id } },
    });
    expect(attempt.statusCode).toBe(302);
    expect(attempt.error).toBe(
      "redirect 302 to http://169.254.169.254/latest/meta-data/ not followed",
    );
  });

  it("a huge body is cut to the first 4 KB; a hang is a timeout and a hang-up a reset, each an attempt", async () => {
    const huge = "好".repeat(400_000);
    const r = await receiver((nth) =>
      nth === 1 ? "hang" : nth === 2 ? "close" : { status: 200, body: huge },
    );
    const { endpoint } = await endpointFor(r, { maxRetries: 3 });
    const { event } = await m.emit.emitEvent({
      type: "learning.exam.passed",
      data: examPassed(),
      source: "test",
    });
    const [res] = await drain([endpoint.id], { ...fast, timeoutMs: 1000 });
    expect(res).toMatchObject({ action: "succeeded", attempt: 3 });
    const attempts = await m.db.callbackAttempt.findMany({
      where: { delivery: { eventId: event.id, endpointId: endpoint.id } },
      orderBy: { attempt: "asc" },
    });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error?.split(":")[0] ?? null])).toEqual([
      [1, null, "timeout"],
      [2, null, "reset"],
      [3, 200, null],
    ]);
    expect(Buffer.byteLength(attempts[2].responseExcerpt!)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(attempts[2].responseExcerpt!)).toBeGreaterThan(4090);
  });
});
