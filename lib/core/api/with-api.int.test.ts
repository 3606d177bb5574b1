// The /api/v1 route handlers through withApi against the real database and real API tokens:
// body size limit, strict JSON, event ids per caller, internal event types, and the request log
// under a flood of unauthenticated calls.
import { randomBytes } from "node:crypto";
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { setupTestDb } from "@/lib/testing/setup-test-db";

setupTestDb();
process.env.ORGBRIDGE_SECRET_KEY ??= randomBytes(32).toString("base64");

const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const at = "2026-07-01T08:00:00+08:00";
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const exam = (employeeNo: string) => ({
  employeeNo,
  examId: "X-1",
  score: 88,
  passingScore: 60,
  passedAt: at,
});

type Routes = {
  events: typeof import("@/app/api/v1/events/route");
  notifications: typeof import("@/app/api/v1/notifications/route");
  notification: typeof import("@/app/api/v1/notifications/[id]/route");
  orgUnits: typeof import("@/app/api/v1/org-units/route");
};

describe("withApi on /api/v1", () => {
  let db: (typeof import("@/lib/core/db"))["db"];
  let r: Routes;
  const tokens: Record<"a" | "b" | "reader", string> = { a: "", b: "", reader: "" };

  const call = async (
    // never: any route's params type accepts it, so one helper calls them all.
    handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>,
    path: string,
    init: RequestInit & { auth?: string; ip?: string; params?: Record<string, string> } = {},
  ) => {
    const headers = new Headers(init.headers);
    if (init.auth !== undefined) headers.set("authorization", `Bearer ${init.auth}`);
    if (init.ip) headers.set(PEER_HEADER, init.ip);
    if (init.body !== undefined && !headers.has("content-type"))
      headers.set("content-type", "application/json");
    const res = await handler(
      new Request(`http://orgbridge.test${path}`, {
        ...init,
        headers,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve(init.params ?? {}) as Promise<never> },
    );
    const text = await res.text();
    let body: { error?: { code?: string; field?: string }; [k: string]: unknown } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body, requestId: res.headers.get("x-request-id") };
  };
  const postEvent = (event: unknown, auth = tokens.a, ip = "198.51.100.10") =>
    call(r.events.POST, "/api/v1/events", {
      method: "POST",
      auth,
      ip,
      body: JSON.stringify(event),
    });

  beforeAll(async () => {
    db = (await import("@/lib/core/db")).db;
    r = {
      events: await import("@/app/api/v1/events/route"),
      notifications: await import("@/app/api/v1/notifications/route"),
      notification: await import("@/app/api/v1/notifications/[id]/route"),
      orgUnits: await import("@/app/api/v1/org-units/route"),
    };
    const { createToken } = await import("@/lib/tokens/commands/create-token");
    const make = async (scopes: string[]) =>
      (
        await createToken(
          { name: `withapi-${tag()}`, scopes: scopes as never, expiresInDays: null },
          { actor: admin },
        )
      ).token;
    tokens.a = await make(["events:write", "notifications:write"]);
    tokens.b = await make(["events:write"]);
    tokens.reader = await make(["read"]);
  });

  describe("request body limit", () => {
    it("a 5 MB event gets 413 JSON and nothing is stored or echoed", async () => {
      const before = await db.callbackEvent.count();
      const res = await postEvent({
        id: `big_${tag()}`,
        type: "learning.exam.passed",
        data: { ...exam("E1"), note: "x".repeat(5 * 1024 * 1024) },
      });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: "too_large", field: "body" });
      expect(JSON.stringify(res.body).length).toBeLessThan(1000);
      expect(await db.callbackEvent.count()).toBe(before);
    });

    it("an endless body without Content-Length is cut off at the limit, not read to the end", async () => {
      let pulled = 0;
      const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const res = await call(r.events.POST, "/api/v1/events", {
        method: "POST",
        auth: tokens.a,
        ip: "198.51.100.11",
        body: endless,
      });
      expect(res.status).toBe(413);
      expect(pulled).toBeLessThan(2 * 1024 * 1024);
    });

    it("a body just under the limit is read (and refused for its content, not its size)", async () => {
      const res = await postEvent({
        id: `under_${tag()}`,
        type: "learning.exam.passed",
        data: { ...exam("E1"), examId: "x".repeat(200 * 1024) },
      });
      expect(res.status).toBe(422);
      expect(res.body.error?.field).toBe("data.examId");
    });
  });

  describe("event ids are per caller; internal types are OrgBridge's own", () => {
    it("another token's id gets its own event, never the other's data; each token's repeat returns its own", async () => {
      const id = `shared_${tag()}`;
      const first = await postEvent({ id, type: "learning.exam.passed", data: exam("A1") });
      expect(first.status).toBe(202);
      const other = await postEvent(
        {
          id,
          type: "learning.course.completed",
          data: { employeeNo: "B1", courseId: "C", completedAt: at },
        },
        tokens.b,
      );
      expect(other.status).toBe(202);
      expect(other.body).toMatchObject({
        id,
        type: "learning.course.completed",
        data: { employeeNo: "B1" },
      });
      expect(other.body.duplicate).toBeUndefined();
      const againA = await postEvent({ id, type: "learning.exam.passed", data: exam("A2") });
      expect([againA.status, againA.body.duplicate, againA.body.data]).toEqual([
        200,
        true,
        expect.objectContaining({ employeeNo: "A1" }),
      ]);
      const againB = await postEvent(
        { id, type: "learning.exam.passed", data: exam("B2") },
        tokens.b,
      );
      expect([againB.status, againB.body.type]).toEqual([200, "learning.course.completed"]);
      // Two stored events with distinct webhook-ids, so no receiver drops one as the other's duplicate.
      const stored = await db.callbackEvent.findMany({ where: { scopedId: id } });
      expect(stored).toHaveLength(2);
      expect(new Set(stored.map((e) => e.id)).size).toBe(2);
    });

    it("re-posting an internal event's id does not return the internal event", async () => {
      const { emitEvent } = await import("@/lib/callbacks/commands/emit-event");
      const id = `sync.completed:${tag()}`;
      await emitEvent({
        id,
        type: "sync.completed",
        source: "sync",
        data: {
          syncRunId: "run-1",
          mode: "full",
          status: "succeeded",
          counts: { created: 1, updated: 0, moved: 0, disabled: 0, conflicts: 0, errors: 0 },
          startedAt: at,
          finishedAt: at,
        },
      });
      const res = await postEvent({ id, type: "learning.exam.passed", data: exam("C1") });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        id,
        type: "learning.exam.passed",
        data: { employeeNo: "C1" },
      });
      // The internal emitter's own repeat still finds its event.
      const internal = await db.callbackEvent.findUniqueOrThrow({ where: { id } });
      expect([internal.scope, internal.type]).toEqual(["internal", "sync.completed"]);
    });

    it.each(["employee.deprovisioned", "employee.provisioned", "sync.completed", "webhook.test"])(
      "a token cannot emit the internal type %s (422 naming type, nothing stored)",
      async (type) => {
        const before = await db.callbackEvent.count();
        const res = await postEvent({
          id: `int_${tag()}`,
          type,
          data: {
            employeeNo: "E1",
            provider: "wecom",
            reason: "terminated",
            deprovisionedAt: at,
          },
        });
        expect([res.status, res.body.error?.field]).toEqual([422, "type"]);
        expect(await db.callbackEvent.count()).toBe(before);
      },
    );
  });

  describe("hostile text gets a 4xx naming the field", () => {
    it.each<[string, string, string]>([
      [
        "NUL in data",
        '{"id":"n1","type":"learning.exam.passed","data":{"employeeNo":"E\\u0000"}}',
        "data.employeeNo",
      ],
      ["lone surrogate in id", '{"id":"\\ud800","type":"learning.exam.passed","data":{}}', "id"],
      ["duplicated key", '{"id":"a","id":"b","type":"learning.exam.passed","data":{}}', "id"],
    ])("%s on /api/v1/events", async (_, body, field) => {
      const before = await db.callbackEvent.count();
      const res = await call(r.events.POST, "/api/v1/events", {
        method: "POST",
        auth: tokens.a,
        ip: "198.51.100.12",
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.field).toBe(field);
      expect(await db.callbackEvent.count()).toBe(before);
    });

    it("5,000-level nesting on /api/v1/notifications", async () => {
      const res = await call(r.notifications.POST, "/api/v1/notifications", {
        method: "POST",
        auth: tokens.a,
        ip: "198.51.100.12",
        body: `{"category":"x","body":${"[".repeat(5000)}${"]".repeat(5000)}}`,
      });
      expect([res.status, res.body.error?.code]).toEqual([400, "too_deep"]);
    });

    it("invalid UTF-8 bytes on /api/v1/events", async () => {
      const res = await call(r.events.POST, "/api/v1/events", {
        method: "POST",
        auth: tokens.a,
        ip: "198.51.100.12",
        body: new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      });
      expect([res.status, res.body.error?.code]).toEqual([400, "invalid_utf8"]);
    });

    it("?cursor=%00 on /api/v1/org-units and /api/v1/notifications/%00", async () => {
      const units = await call(r.orgUnits.GET, "/api/v1/org-units?cursor=%00", {
        auth: tokens.reader,
        ip: "198.51.100.12",
      });
      expect([units.status, units.body.error?.field]).toEqual([400, "cursor"]);
      const one = await call(r.notification.GET, "/api/v1/notifications/%00", {
        auth: tokens.a,
        ip: "198.51.100.12",
        params: { id: "\u0000" },
      });
      expect([one.status, one.body.error?.field]).toEqual([400, "id"]);
    });
  });

  describe("the API request log", () => {
    const logged = (requestId: string | null) =>
      db.apiRequestLog.findMany({ where: { requestId: requestId ?? "" } });

    it("logs a call whose body holds NUL (sanitised) instead of losing it", async () => {
      const res = await call(r.events.POST, "/api/v1/events", {
        method: "POST",
        auth: tokens.a,
        ip: "198.51.100.13",
        body: '{"id":"x","type":"learning.exam.passed","data":{"employeeNo":"\\u0000"},"note":"\u0000"}',
      });
      expect(res.status).toBe(400);
      const [row] = await logged(res.requestId);
      expect(row).toMatchObject({ status: 400, errorCode: "bad_text" });
      expect(row.requestBody).toContain("\u2400");
    });

    it("200 unauthenticated calls from one address: counted in one row per minute, then 429", async () => {
      const ip = "203.0.113.7";
      // The count is per clock minute: start the burst well inside one, not a second before it rolls.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 10_000) await new Promise((r) => setTimeout(r, left + 200));
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++)
        statuses.push((await postEvent({ id: "x" }, `obt_forged_${i}`, ip)).status);
      const limit = 30;
      expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(limit + 1).every((s) => s === 429)).toBe(true);
      // A valid token from the same address is not locked out: it reaches validation (422).
      const valid = await postEvent({ id: "x" }, tokens.a, ip);
      expect([valid.status, valid.body.error?.field]).toEqual([422, "type"]);
      const rows = await db.apiRequestLog.findMany({ where: { ip, tokenId: null } });
      // One row per minute (two if the loop crossed a minute boundary), every call counted.
      expect(rows.length).toBeLessThanOrEqual(2);
      expect(rows.reduce((n, row) => n + row.count, 0)).toBe(200);
    });

    it("unauthenticated calls from 300 spoofed addresses add a bounded number of rows", async () => {
      const before = await db.apiRequestLog.count();
      for (let i = 0; i < 300; i++) await postEvent({ id: "x" }, "", `10.99.${i >> 8}.${i & 255}`);
      const added = await db.apiRequestLog.count();
      // At most 100 addresses and one overflow row per minute (twice that across a minute boundary).
      expect(added - before).toBeLessThanOrEqual(202);
      const counted = await db.apiRequestLog.aggregate({
        _sum: { count: true },
        where: { aggregateKey: { startsWith: "unauth:" }, ip: { startsWith: "10.99." } },
      });
      const overflow = await db.apiRequestLog.aggregate({
        _sum: { count: true },
        where: { aggregateKey: { startsWith: "unauth:overflow:" } },
      });
      expect((counted._sum.count ?? 0) + (overflow._sum.count ?? 0)).toBeGreaterThanOrEqual(300);
      // The cap is per minute for the whole install: leave no spoofed rows for the files after this one.
      await db.apiRequestLog.deleteMany({
        where: {
          OR: [
            { aggregateKey: { startsWith: "unauth:overflow:" } },
            { aggregateKey: { startsWith: "unauth:" }, ip: { startsWith: "10.99." } },
          ],
        },
      });
    });
  });
});
