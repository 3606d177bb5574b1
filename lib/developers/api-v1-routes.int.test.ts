// The v1 route groups through their real handlers on the real test database: credentials and
// scopes, 4xx naming the field, cursor paging, ETag / If-None-Match, the error envelope, and
// writes audited with the credential as actor. Events the commands send go to a small HTTP
// server standing in for the executor (the real Inngest SDK posts to it).
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import type { Actor } from "@/lib/core/audit/record-audit";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { listen } from "@/lib/testing/wait-for";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");
process.env.ORGBRIDGE_OAUTH_SIGNING_KEY = randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin-v1", name: "IT Admin" };
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type Answer = {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
};

const sentEvents: { name: string; data: Record<string, unknown> }[] = [];
let eventServer: Server;
let db: (typeof import("@/lib/core/db"))["db"];
const tag = randomBytes(3).toString("hex").toUpperCase();

async function call(
  handler: unknown,
  path: string,
  init: { auth?: string; method?: string; body?: unknown; params?: object; headers?: object } = {},
): Promise<Answer> {
  const headers = new Headers({ [PEER_HEADER]: "198.51.100.40", ...(init.headers ?? {}) });
  if (init.auth) headers.set("authorization", `Bearer ${init.auth}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  const res = await (handler as Handler)(
    new Request(`http://orgbridge.test${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) as Promise<never> },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

async function tokenWith(...scopes: string[]) {
  const { createToken } = await import("@/lib/tokens/commands/create-token");
  const created = await createToken(
    {
      name: `v1 ${scopes.join(",")} ${randomUUID().slice(0, 4)}`,
      scopes: scopes as never,
      expiresInDays: 30,
    },
    { actor: admin },
  );
  return created;
}

/** Every item of a list, following nextCursor page by page. */
async function walk(handler: unknown, path: string, auth: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(
      handler,
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { auth },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(
      ...res.body.items.map((i: { id?: string; employeeNo?: string }) => i.id ?? i.employeeNo),
    );
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

function expectEnvelope(res: Answer, status: number, code: string, field?: string) {
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  if (field !== undefined) expect(res.body.error.field).toBe(field);
  expect(res.body.error.requestId).toBe(res.headers.get("x-request-id"));
  expect(typeof res.body.error.message).toBe("string");
}

beforeAll(async () => {
  eventServer = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const parsed = JSON.parse(raw || "[]");
      for (const e of Array.isArray(parsed) ? parsed : [parsed]) sentEvents.push(e);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: sentEvents.map((_, i) => `evt-${i}`), status: 200 }));
    });
  });
  const port = await listen(eventServer);
  Object.assign(process.env, {
    INNGEST_DEV: "1",
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_EVENT_KEY: "test-event-key",
  });
  db = (await import("@/lib/core/db")).db;
  const root = await db.orgUnit.create({
    data: { code: `R${tag}`, name: "根", path: `/R${tag}`, depth: 0 },
  });
  const child = await db.orgUnit.create({
    data: {
      code: `R${tag}-C`,
      name: "子",
      path: `/R${tag}/R${tag}-C`,
      depth: 1,
      parentId: root.id,
    },
  });
  await db.orgUnit.create({
    data: { code: `R${tag}X`, name: "旁", path: `/R${tag}X`, depth: 0 },
  });
  const im = await db.connection.create({
    data: { kind: "IM_TARGET", provider: "sandbox-im", name: `IM ${tag}` },
  });
  for (let i = 0; i < 7; i++) {
    const e = await db.employee.create({
      data: {
        employeeNo: `V${tag}${i}`,
        name: `员工${i}`,
        email: `v${tag.toLowerCase()}${i}@example.com`,
        status: i === 6 ? "TERMINATED" : "ACTIVE",
        orgUnitId: i < 3 ? root.id : child.id,
      },
    });
    if (i === 0)
      await db.imAccount.create({
        data: { connectionId: im.id, employeeId: e.id, imUserId: `u-${tag}`, state: "ACTIVE" },
      });
  }
});

afterAll(async () => {
  await new Promise((r) => eventServer?.close(r));
});

describe("employees and org units", () => {
  it("lists with filters, walks every page by cursor, and gets one with its IM accounts", async () => {
    const { GET: list } = await import("@/app/api/v1/employees/route");
    const { GET: one } = await import("@/app/api/v1/employees/[employeeNo]/route");
    const { token } = await tokenWith("employees:read");
    const all = await walk(
      list,
      `/api/v1/employees?orgUnit=R${tag}&includeDescendants=true`,
      token,
      2,
    );
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `V${tag}${i}`));
    const direct = await walk(list, `/api/v1/employees?orgUnit=R${tag}`, token, 10);
    expect(direct).toEqual([0, 1, 2].map((i) => `V${tag}${i}`));
    const terminated = await walk(
      list,
      `/api/v1/employees?orgUnit=R${tag}&includeDescendants=true&status=TERMINATED`,
      token,
      10,
    );
    expect(terminated).toEqual([`V${tag}6`]);
    const byMail = await call(list, `/api/v1/employees?email=V${tag}3@EXAMPLE.com`, {
      auth: token,
    });
    expect(byMail.body.items.map((e: { employeeNo: string }) => e.employeeNo)).toEqual([
      `V${tag}3`,
    ]);

    const got = await call(one, `/api/v1/employees/V${tag}0`, {
      auth: token,
      params: { employeeNo: `V${tag}0` },
    });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ employeeNo: `V${tag}0`, orgUnitCode: `R${tag}` });
    expect(got.body.imAccounts).toEqual([
      expect.objectContaining({ imUserId: `u-${tag}`, state: "ACTIVE", platform: "sandbox-im" }),
    ]);
    expect(got.body).not.toHaveProperty("sourceHash");
    expectEnvelope(
      await call(one, "/api/v1/employees/nobody", {
        auth: token,
        params: { employeeNo: "nobody" },
      }),
      404,
      "not_found",
    );
  });

  it("refuses bad filters naming the field", async () => {
    const { GET: list } = await import("@/app/api/v1/employees/route");
    const { token } = await tokenWith("employees:read");
    for (const [query, field] of [
      ["status=FIRED", "status"],
      ["updatedSince=yesterday", "updatedSince"],
      ["includeDescendants=yes", "includeDescendants"],
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
    ]) {
      expectEnvelope(
        await call(list, `/api/v1/employees?${query}`, { auth: token }),
        422,
        "invalid",
        field,
      );
    }
    expectEnvelope(
      await call(list, "/api/v1/employees?cursor=%00", { auth: token }),
      400,
      "bad_text",
      "cursor",
    );
  });

  it("checks scopes: org:read cannot read employees; the umbrella read can; no credential is 401", async () => {
    const { GET: list } = await import("@/app/api/v1/employees/route");
    const { GET: unit } = await import("@/app/api/v1/org-units/[code]/route");
    const org = await tokenWith("org:read");
    const legacy = await tokenWith("read");
    expectEnvelope(
      await call(list, "/api/v1/employees", { auth: org.token }),
      403,
      "insufficient_scope",
    );
    expect((await call(list, "/api/v1/employees?limit=1", { auth: legacy.token })).status).toBe(
      200,
    );
    expectEnvelope(await call(list, "/api/v1/employees"), 401, "missing_token");
    const got = await call(unit, `/api/v1/org-units/R${tag}`, {
      auth: org.token,
      params: { code: `R${tag}` },
    });
    expect(got.body).toMatchObject({
      code: `R${tag}`,
      parentCode: null,
      employeeCount: 3,
      childCount: 1,
    });
  });

  it("answers 304 to a matching If-None-Match, and 200 with a new ETag once the data changed", async () => {
    const { GET: unit } = await import("@/app/api/v1/org-units/[code]/route");
    const { token } = await tokenWith("org:read");
    const get = (headers: object = {}) =>
      call(unit, `/api/v1/org-units/R${tag}-C`, {
        auth: token,
        params: { code: `R${tag}-C` },
        headers,
      });
    const first = await get();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    const again = await get({ "if-none-match": etag });
    expect([again.status, again.headers.get("etag")]).toEqual([304, etag]);
    expect(again.headers.get("ratelimit-limit")).toBeTruthy();
    expect((await get({ "if-none-match": `"other", ${etag.slice(2)}` })).status).toBe(304);
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
    await db.orgUnit.update({ where: { code: `R${tag}-C` }, data: { name: "子部门" } });
    const changed = await get({ "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("sync runs", () => {
  it("lists by cursor and gets one; starting a run needs sync:write, names bad fields, audits the token", async () => {
    const routes = await import("@/app/api/v1/sync-runs/route");
    const { GET: one } = await import("@/app/api/v1/sync-runs/[id]/route");
    const im = await db.connection.findFirstOrThrow({ where: { name: `IM ${tag}` } });
    await db.connection.create({
      data: { kind: "HR_SOURCE", provider: "sandbox-hr", name: `HR ${tag}` },
    });
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(
        await db.syncRun.create({
          data: {
            connectionId: im.id,
            kind: "FULL",
            trigger: "cron",
            status: "SUCCEEDED",
            startedAt: new Date(Date.now() - (i + 1) * 60_000),
          },
        }),
      );
    const reader = await tokenWith("sync:read");
    const seen = await walk(routes.GET, `/api/v1/sync-runs?connectionId=${im.id}`, reader.token, 2);
    expect(seen).toEqual(runs.map((r) => r.id));
    const got = await call(one, `/api/v1/sync-runs/${runs[0].id}`, {
      auth: reader.token,
      params: { id: runs[0].id },
    });
    expect(got.body).toMatchObject({
      id: runs[0].id,
      status: "SUCCEEDED",
      connection: { name: `IM ${tag}` },
    });

    expectEnvelope(
      await call(routes.POST, "/api/v1/sync-runs", {
        method: "POST",
        auth: reader.token,
        body: { connectionId: im.id },
      }),
      403,
      "insufficient_scope",
    );
    const writer = await tokenWith("sync:write");
    expectEnvelope(
      await call(routes.POST, "/api/v1/sync-runs", {
        method: "POST",
        auth: writer.token,
        body: { dryRun: true },
      }),
      422,
      "invalid",
      "connectionId",
    );
    expectEnvelope(
      await call(routes.POST, "/api/v1/sync-runs", {
        method: "POST",
        auth: writer.token,
        body: { connectionId: "nope" },
      }),
      404,
      "not_found",
    );
    const started = await call(routes.POST, "/api/v1/sync-runs", {
      method: "POST",
      auth: writer.token,
      body: { connectionId: im.id, dryRun: true },
    });
    expect([started.status, started.body.dryRun]).toEqual([202, true]);
    expect(sentEvents).toContainEqual(
      expect.objectContaining({
        name: "hr/sync.requested",
        data: expect.objectContaining({
          connectionId: im.id,
          dryRun: true,
          requestedBy: writer.id,
        }),
      }),
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "sync.requested", targetId: im.id },
      orderBy: { createdAt: "desc" },
    });
    expect([audit.actorType, audit.actorId]).toEqual(["token", writer.id]);
  });
});

describe("conflicts", () => {
  it("lists, gets and resolves through the queue's rules; a held run is not the API's to release", async () => {
    const { GET: list } = await import("@/app/api/v1/conflicts/route");
    const { GET: one } = await import("@/app/api/v1/conflicts/[id]/route");
    const { POST: resolve } = await import("@/app/api/v1/conflicts/[id]/resolve/route");
    const make = (type: string, i: number) =>
      db.syncConflict.create({
        data: {
          fingerprint: `fp-${tag}-${type}-${i}`,
          type,
          subjectType: "employee",
          subjectKey: `K${tag}${i}`,
          detail: `conflict ${tag}`,
          lastSeenAt: new Date(Date.now() - i * 1000),
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
