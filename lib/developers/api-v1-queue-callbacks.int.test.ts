// The v1 conflict and callback route groups through their real handlers on the real test
// database: scopes, 4xx naming the field, cursor paging, the console's rules (a held run stays a
// person's decision), and every write audited with the token as actor.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  expectEnvelope,
  startEventRecorder,
  tokenWith,
  walk,
} from "@/lib/testing/api-v1-kit";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");

let db: (typeof import("@/lib/core/db"))["db"];
let recorder: Awaited<ReturnType<typeof startEventRecorder>>;
const tag = randomBytes(3).toString("hex").toUpperCase();

beforeAll(async () => {
  recorder = await startEventRecorder();
  db = (await import("@/lib/core/db")).db;
});

afterAll(async () => {
  await recorder?.close();
});

describe("conflicts", () => {
  it("lists, gets and resolves through the queue's rules; a held run is not the API's to release", async () => {
    const { GET: list } = await import("@/app/api/v1/conflicts/route");
    const { GET: one } = await import("@/app/api/v1/conflicts/[id]/route");
    const { POST: resolve } = await import("@/app/api/v1/conflicts/[id]/resolve/route");
    const seenBase = Date.now();
    const make = (type: string, i: number) =>
      db.syncConflict.create({
        data: {
          fingerprint: `fp-${tag}-${type}-${i}`,
          type,
          subjectType: "employee",
          subjectKey: `K${tag}${i}`,
          detail: `conflict ${tag}`,
          lastSeenAt: new Date(seenBase - i * 1000),
        },
      });
    const rows = [
      await make("duplicate_contact", 0),
      await make("duplicate_contact", 1),
      await make("deletion_threshold", 2),
    ];
    const reader = await tokenWith("conflicts:read");
    const seen = await walk(list, `/api/v1/conflicts?q=conflict%20${tag}`, reader.token, 2);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(
      (
        await call(one, `/api/v1/conflicts/${rows[0].id}`, {
          auth: reader.token,
          params: { id: rows[0].id },
        })
      ).body,
    ).toMatchObject({ id: rows[0].id, type: "duplicate_contact", status: "OPEN" });

    const writer = await tokenWith("conflicts:write");
    const post = (id: string, body: unknown, auth = writer.token) =>
      call(resolve, `/api/v1/conflicts/${id}/resolve`, {
        method: "POST",
        auth,
        body,
        params: { id },
      });
    expectEnvelope(
      await post(rows[0].id, { resolution: "IGNORE" }, reader.token),
      403,
      "insufficient_scope",
    );
    expectEnvelope(await post(rows[0].id, { resolution: "IGNORE" }), 422, "invalid", "note");
    expectEnvelope(
      await post(rows[0].id, { resolution: "SOMETIMES" }),
      422,
      "invalid",
      "resolution",
    );
    expectEnvelope(await post(rows[2].id, { resolution: "KEEP_HR" }), 409, "approval_required");
    expectEnvelope(await post("missing", { resolution: "KEEP_HR" }), 404, "not_found");
    const done = await post(rows[0].id, { resolution: "IGNORE", note: "a known duplicate" });
    expect([done.status, done.body]).toEqual([200, { resolved: 1 }]);
    expect((await db.syncConflict.findUniqueOrThrow({ where: { id: rows[0].id } })).status).toBe(
      "IGNORED",
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "conflict.resolved", targetId: rows[0].id },
    });
    expect([audit.actorType, audit.actorId]).toEqual(["token", writer.id]);
  });
});

describe("callback endpoints and deliveries", () => {
  it("creates, reads, pages, replaces, tests and deletes an endpoint, each write audited to the token", async () => {
    const base = await import("@/app/api/v1/callback-endpoints/route");
    const item = await import("@/app/api/v1/callback-endpoints/[id]/route");
    const test = await import("@/app/api/v1/callback-endpoints/[id]/test/route");
    const deliveries = await import("@/app/api/v1/callback-endpoints/[id]/deliveries/route");
    const delivery =
      await import("@/app/api/v1/callback-endpoints/[id]/deliveries/[deliveryId]/route");
    const replay = await import("@/app/api/v1/callback-endpoints/[id]/replay/route");
    const writer = await tokenWith("callbacks:write", "callbacks:read");
    const reader = await tokenWith("callbacks:read");
    const input = {
      name: `Hook ${tag}`,
      url: "https://93.184.216.34/hooks/orgbridge",
      eventTypes: ["webhook.test", "employee.provisioned"],
    };
    expectEnvelope(
      await call(base.POST, "/api/v1/callback-endpoints", {
        method: "POST",
        auth: reader.token,
        body: input,
      }),
      403,
      "insufficient_scope",
    );
    expectEnvelope(
      await call(base.POST, "/api/v1/callback-endpoints", {
        method: "POST",
        auth: writer.token,
        body: { ...input, url: "not a url" },
      }),
      422,
      "invalid",
      "url",
    );
    expectEnvelope(
      await call(base.POST, "/api/v1/callback-endpoints", {
        method: "POST",
        auth: writer.token,
        body: { ...input, eventTypes: ["no.such"] },
      }),
      422,
      "invalid",
      "eventTypes.0",
    );
    const created = await call(base.POST, "/api/v1/callback-endpoints", {
      method: "POST",
      auth: writer.token,
      body: input,
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/\S{16,}/);
    const id = created.body.endpoint.id as string;
    expect(created.headers.get("location")).toBe(`/api/v1/callback-endpoints/${id}`);
    const second = await call(base.POST, "/api/v1/callback-endpoints", {
      method: "POST",
      auth: writer.token,
      body: { ...input, name: `Hook ${tag} 2` },
    });
    const listed = await walk(base.GET, "/api/v1/callback-endpoints", reader.token, 1);
    expect(listed).toEqual(expect.arrayContaining([id, second.body.endpoint.id]));
    expect(new Set(listed).size).toBe(listed.length);

    const got = await call(item.GET, `/api/v1/callback-endpoints/${id}`, {
      auth: reader.token,
      params: { id },
    });
    expect(got.body).toMatchObject({ id, name: `Hook ${tag}`, enabled: true });
    expect(JSON.stringify(got.body)).not.toContain(created.body.secret);
    const replaced = await call(item.PUT, `/api/v1/callback-endpoints/${id}`, {
      method: "PUT",
      auth: writer.token,
      params: { id },
      body: { ...input, name: `Hook ${tag} renamed`, maxRetries: 1 },
    });
    expect(replaced.body).toMatchObject({ name: `Hook ${tag} renamed`, maxRetries: 1 });

    const tested = await call(test.POST, `/api/v1/callback-endpoints/${id}/test`, {
      method: "POST",
      auth: writer.token,
      params: { id },
    });
    expect(tested.status).toBe(202);
    const page = await call(deliveries.GET, `/api/v1/callback-endpoints/${id}/deliveries?limit=5`, {
      auth: reader.token,
      params: { id },
    });
    expect(page.body.items.map((d: { id: string }) => d.id)).toContain(tested.body.deliveryId);
    const d = await call(
      delivery.GET,
      `/api/v1/callback-endpoints/${id}/deliveries/${tested.body.deliveryId}`,
      {
        auth: reader.token,
        params: { id, deliveryId: tested.body.deliveryId },
      },
    );
    expect(d.body).toMatchObject({
      id: tested.body.deliveryId,
      endpointId: id,
      event: { type: "webhook.test" },
    });
    expectEnvelope(
      await call(delivery.GET, "/x", {
        auth: reader.token,
        params: { id: second.body.endpoint.id, deliveryId: tested.body.deliveryId },
      }),
      404,
      "not_found",
    );
    expectEnvelope(
      await call(replay.POST, "/x", {
        method: "POST",
        auth: writer.token,
        params: { id },
        body: { since: "last week" },
      }),
      422,
      "invalid",
      "since",
    );
    const replayed = await call(replay.POST, "/x", {
      method: "POST",
      auth: writer.token,
      params: { id },
      body: { since: new Date(Date.now() - 3600_000).toISOString() },
    });
    expect([replayed.status, replayed.body]).toEqual([202, { count: 0 }]);

    const deleted = await call(item.DELETE, `/api/v1/callback-endpoints/${id}`, {
      method: "DELETE",
      auth: writer.token,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    expectEnvelope(
      await call(item.GET, "/x", { auth: reader.token, params: { id } }),
      404,
      "not_found",
    );
    const actions = await db.auditLog.findMany({
      where: { targetId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.filter((a) => a.actorId === writer.id).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "endpoint.created",
        "endpoint.updated",
        "endpoint.replayed",
        "endpoint.deleted",
      ]),
    );
    expect(actions.every((a) => a.actorType === "token")).toBe(true);
  });
});
