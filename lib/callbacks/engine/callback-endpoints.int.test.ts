// Callback endpoints (create, validate, update) and event intake on a real PostgreSQL; setup in callback-engine-test-env.ts.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/core/errors";
import {
  admin,
  drain,
  endpointFor,
  examPassed,
  fixedResolver,
  m,
  n,
  receiver,
  adminCtx,
  setupCallbackEngineEnv,
} from "./callback-engine-test-env";

setupCallbackEngineEnv();

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
