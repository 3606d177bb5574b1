// The v1 directory and sync route groups through their real handlers on the real test database:
// credentials and scopes, 4xx naming the field, cursor paging, ETag / If-None-Match, the error
// envelope, and a started sync audited with the token as actor.
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
  await recorder?.close();
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
    const startBase = Date.now();
    for (let i = 0; i < 5; i++)
      runs.push(
        await db.syncRun.create({
          data: {
            connectionId: im.id,
            kind: "FULL",
            trigger: "cron",
            status: "SUCCEEDED",
            startedAt: new Date(startBase - (i + 1) * 60_000),
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
    expect(recorder.events).toContainEqual(
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
