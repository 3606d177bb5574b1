// Callback engine on a real PostgreSQL with real HTTP receivers on local ports. Deliveries are
// driven one at a time through attemptDelivery (the delivery worker's claim, send, decide and
// bulk-write parts) with a scaled clock; delivery-worker.int.test.ts runs the worker itself.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/core/audit/record-audit";
import { signCallback } from "@/lib/callbacks/rules/sign-callback";
import type { Resolver } from "@/lib/callbacks/rules/ssrf-guard";
import { AppError } from "@/lib/core/errors";
import {
  startCallbackReceiver,
  type CallbackReceiver,
  type ReceiverReply,
} from "@/lib/sandbox/callback-receiver/start-callback-receiver";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { AttemptDeps } from "./attempt-delivery";
import type { DeliveryTicket } from "./dispatch-deliveries";
import type { EndpointInput } from "../endpoint-input-schema";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const adminCtx = { actor: admin };
const at = "2026-07-01T08:00:00+08:00";
const n = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const examPassed = (employeeNo = "E1001") => ({
  employeeNo,
  examId: "X-1",
  score: 88,
  passingScore: 60,
  passedAt: at,
});

const mod = async () => ({
  db: (await import("@/lib/core/db")).db,
  endpoints: await import("../commands/endpoints"),
  emit: await import("../commands/emit-event"),
  dispatch: await import("./dispatch-deliveries"),
  attempt: await import("./attempt-delivery"),
  policy: await import("../commands/allow-list"),
  replay: await import("../commands/replay"),
  test: await import("../commands/send-test-event"),
});
let m: Awaited<ReturnType<typeof mod>>;

/** Tickets the engine asked to start; tests run them in-process. */
const queued: DeliveryTicket[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fast: AttemptDeps = { timeScale: 0.001 };

/** One ticket to its end: attempt, wait for the planned retry (or a rate-limit slot), attempt again. */
async function runTicket(ticket: DeliveryTicket, deps: AttemptDeps) {
  let token = ticket.token;
  for (;;) {
    const result = await m.attempt.attemptDelivery({ deliveryId: ticket.deliveryId, token }, deps);
    if (result.action === "wait") await sleep(result.ms);
    else if (result.action === "retry") {
      await sleep(Math.max(0, Date.parse(result.at) - Date.now()));
      token = result.token;
    } else return result;
  }
}

/** Runs every queued ticket of these endpoints to its end (retries included). */
async function drain(endpointIds: string[], deps: AttemptDeps = fast) {
  const mine = queued.filter((t) => endpointIds.includes(t.endpointId));
  for (const t of mine) queued.splice(queued.indexOf(t), 1);
  return Promise.all(mine.map((t) => runTicket(t, deps)));
}

async function endpointFor(
  receiver: CallbackReceiver | string,
  input: Partial<EndpointInput> = {},
  deps = {},
) {
  const created = await m.endpoints.createEndpoint(
    {
      name: `ep-${n()}`,
      url: typeof receiver === "string" ? receiver : receiver.url,
      eventTypes: ["learning.exam.passed"],
      enabled: true,
      headers: {},
      maxRetries: 3,
      retrySchedule: "default",
      allowPrivate: false,
      ...input,
    },
    adminCtx,
    deps,
  );
  if (typeof receiver !== "string") receiver.setSecrets([created.secret]);
  createdIds.push(created.endpoint.id);
  return created;
}

const receivers: CallbackReceiver[] = [];
/** Removed afterwards: later test files share the database and must not fan out to them. */
const createdIds: string[] = [];
async function receiver(reply?: (nth: number, webhookId: string) => ReceiverReply) {
  const r = await startCallbackReceiver({
    reply: reply ? (call, nth) => reply(nth, call.webhookId) : undefined,
  });
  receivers.push(r);
  return r;
}

const fixedResolver =
  (addresses: Record<string, string>): Resolver =>
  async (host) => {
    const address = addresses[host];
    if (!address) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };

beforeAll(async () => {
  m = await mod();
  m.dispatch.setDeliveryDispatcher(async (tickets) => void queued.push(...tickets));
  // The local receivers are on 127.0.0.1 over http: exactly what the admin policy must allow.
  await m.policy.setCallbackNetworkPolicy({ allowList: ["127.0.0.1"], allowHttp: true }, adminCtx);
});
afterAll(async () => {
  m.dispatch.setDeliveryDispatcher(null);
  const { DEMO_ENDPOINT_NAME } =
    await import("@/lib/sandbox/callback-receiver/ensure-demo-callbacks");
  await m.db.callbackEndpoint.deleteMany({
    where: { OR: [{ id: { in: createdIds } }, { name: DEMO_ENDPOINT_NAME }] },
  });
  await Promise.all(receivers.map((r) => r.close()));
});
beforeEach(() => {
  queued.length = 0;
});

describe("endpoints", () => {
  it("creates with a whsec_ secret shown once and stored encrypted, audited without it", async () => {
    const r = await receiver();
    const { endpoint, secret } = await endpointFor(r, { headers: { "X-Api-Key": "k-123" } });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(endpoint.headerNames).toEqual(["X-Api-Key"]);
    expect(endpoint).not.toHaveProperty("secretCipher");
    const row = await m.db.callbackEndpoint.findUniqueOrThrow({
      where: { id: endpoint.id },
      omit: { secretCipher: false },
    });
    expect(row.secretCipher).not.toContain(secret.slice(6));
    expect(JSON.stringify(row.headers)).not.toContain("k-123");
    const { decryptSecrets } = await import("@/lib/core/crypto/encrypt-secrets");
    expect(decryptSecrets(row.secretCipher)).toBe(secret);
    const audit = await m.db.auditLog.findMany({ where: { targetId: endpoint.id } });
    expect(audit.map((a) => a.action)).toEqual(["endpoint.created"]);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
    expect(JSON.stringify(audit)).not.toContain("k-123");
  });

  it("refuses reserved and hop-by-hop custom headers, naming the header", async () => {
    for (const name of [
      "webhook-signature",
      "Webhook-Id",
      "Connection",
      "transfer-encoding",
      "Host",
    ]) {
      const error = await endpointFor("https://example.com/", { headers: { [name]: "x" } }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0].path).toEqual(["headers", name]);
    }
  });

  it("checks the URL at save time with DNS: private, loopback and metadata answers are refused on `url`", async () => {
    const resolve = fixedResolver({
      "hooks.internal.test": "10.1.2.3",
      "sneaky.test": "127.0.0.2",
      "meta.test": "169.254.169.254",
      "ok.test": "93.184.216.34",
    });
    const refused = async (url: string, allowPrivate = false) => {
      const e = await endpointFor(url, { allowPrivate }, { resolve }).catch((x) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).field).toBe("url");
      return (e as AppError).message;
    };
    expect(await refused("https://hooks.internal.test/cb")).toMatch(
      /resolves to 10\.1\.2\.3.*private/,
    );
    expect(await refused("https://sneaky.test/cb", true)).toMatch(/127\.0\.0\.2.*loopback/);
    expect(await refused("https://meta.test/cb", true)).toMatch(/169\.254\.169\.254/);
    expect(await refused("https://nowhere.test/cb")).toMatch(/did not resolve/);
    // 127.0.0.1 itself is on this test's allow-list (the local receivers); its neighbours are not.
    expect(await refused("https://[::ffff:127.0.0.2]/cb")).toMatch(/loopback/);
    expect(await refused("http://2130706434/cb")).toMatch(/127\.0\.0\.2.*loopback.*allow-list/);
    // allowPrivate admits 10/8 for this endpoint; a public answer needs nothing.
    expect(
      (await endpointFor("https://hooks.internal.test/cb", { allowPrivate: true }, { resolve }))
        .endpoint.url,
    ).toBe("https://hooks.internal.test/cb");
    expect((await endpointFor("https://ok.test/cb", {}, { resolve })).endpoint.id).toBeTruthy();
  });

  it("refuses http:// when the network policy does not allow it, and names why", async () => {
    await m.policy.setCallbackNetworkPolicy(
      { allowList: ["127.0.0.1"], allowHttp: false },
      adminCtx,
    );
    try {
      const e = await endpointFor("http://127.0.0.1:9/").catch((x) => x);
      expect((e as AppError).field).toBe("url");
      expect((e as AppError).message).toMatch(/scheme http is not allowed.*plain http:\/\/ is off/);
    } finally {
      await m.policy.setCallbackNetworkPolicy(
        { allowList: ["127.0.0.1"], allowHttp: true },
        adminCtx,
      );
    }
    const audit = await m.db.auditLog.findMany({
      where: { action: "callbacks.network_policy_updated" },
    });
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("updates keep a header value left empty, and re-enabling clears the failure state", async () => {
    const r = await receiver();
    const { endpoint } = await endpointFor(r, { headers: { "x-tenant": "acme" } });
    const base = {
      name: endpoint.name,
      url: endpoint.url,
      eventTypes: ["learning.exam.passed" as const],
      maxRetries: 3,
      retrySchedule: "default" as const,
      allowPrivate: false,
    };
    await m.endpoints.updateEndpoint(
      { id: endpoint.id, ...base, enabled: true, headers: { "x-tenant": "", "x-extra": "1" } },
      adminCtx,
    );
    const row = await m.db.callbackEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(m.endpoints.decryptEndpointHeaders(row.headers)).toEqual({
      "x-tenant": "acme",
      "x-extra": "1",
    });
    const missing = await m.endpoints
      .updateEndpoint(
        { id: endpoint.id, ...base, enabled: true, headers: { "x-new": "" } },
        adminCtx,
      )
      .catch((e) => e);
    expect((missing as AppError).field).toBe("headers.x-new");

    await m.db.callbackEndpoint.update({
      where: { id: endpoint.id },
      data: {
        enabled: false,
        disabledKind: "AUTO_FAILING",
        disabledReason: "failing: test",
        failingSince: new Date(),
      },
    });
    const on = await m.endpoints.setEndpointEnabled({ id: endpoint.id, enabled: true }, adminCtx);
    expect([on.enabled, on.disabledReason, on.failingSince]).toEqual([true, null, null]);
    expect(on.disabledKind).toBeNull();
    const actions = (
      await m.db.auditLog.findMany({
        where: { targetId: endpoint.id },
        orderBy: { createdAt: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["endpoint.created", "endpoint.updated", "endpoint.enabled"]);
    const off = await m.endpoints.setEndpointEnabled({ id: endpoint.id, enabled: false }, adminCtx);
    expect([off.enabled, off.disabledKind]).toEqual([false, "MANUAL"]);
  });
});

describe("intake (emitEvent)", () => {
  it("is idempotent per id: one event, one delivery per subscribed endpoint", async () => {
    const [a, b] = [await receiver(), await receiver()];
    const ea = await endpointFor(a);
    const eb = await endpointFor(b);
    const off = await endpointFor(await receiver(), { enabled: false });
    const id = `evt_${n()}`;
    const first = await m.emit.emitEvent({
      id,
      type: "learning.exam.passed",
      data: examPassed(),
      source: "test",
    });
    const second = await m.emit.emitEvent({
      id,
      type: "learning.exam.passed",
      data: examPassed("E9999"),
      source: "test",
    });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.event.data).toMatchObject({ employeeNo: "E1001" }); // the original
    expect(second.tickets).toEqual([]);
    const deliveries = await m.db.callbackDelivery.findMany({ where: { eventId: id } });
    const mine = deliveries
      .map((d) => d.endpointId)
      .filter((e) => [ea.endpoint.id, eb.endpoint.id, off.endpoint.id].includes(e));
    expect(mine.sort()).toEqual([ea.endpoint.id, eb.endpoint.id].sort());
    expect(await m.db.callbackEvent.count({ where: { id } })).toBe(1);
    await drain([ea.endpoint.id, eb.endpoint.id]);
    expect(a.received.filter((c) => c.webhookId === id)).toHaveLength(1);
    expect(b.received.filter((c) => c.webhookId === id)).toHaveLength(1);
  });

  it("refuses an unknown type or invalid data with 422 naming the field, storing nothing", async () => {
    const id = `evt_${n()}`;
    const bad = await m.emit
      .emitEvent({
        id,
        type: "learning.exam.passed",
        data: { ...examPassed(), score: 30 },
        source: "test",
      })
      .catch((e) => e);
    expect(bad).toBeInstanceOf(m.emit.EventRejectedError);
    expect([bad.status, bad.field]).toEqual([422, "data.score"]);
    const unknown = await m.emit
      .emitEvent({ id, type: "learning.course.failed", data: {}, source: "test" })
      .catch((e) => e);
    expect([unknown.status, unknown.field]).toEqual([422, "type"]);
    expect(await m.db.callbackEvent.count({ where: { id } })).toBe(0);
  });
});

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
