// End to end through the real parts: POST /api/v1/notifications (route handler, API token) →
// stored notification → Inngest event → the embedded executor → the real notification-dispatch
// function served by inngest/node → the WeCom connector → the sandbox IM. Step retry waits are
// scaled down (retryBaseMs), so an IM outage runs through every retry in seconds.
import { PEER_HEADER } from "@/lib/core/api/client-ip";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ExecutorHandle } from "@/inngest/engine";
import type { Actor } from "@/lib/core/audit/record-audit";
import { listInbox } from "@/lib/sandbox/im/list-inbox";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { freePort, listen, waitFor } from "@/lib/testing/wait-for";

setupTestDb();
const SIGNING_KEY = `signkey-test-${"a9".repeat(32)}`;
const EVENT_KEY = "notifications-test-event-key";
process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
const creds = { corpId: "ww-dispatch-test", corpSecret: "dispatch-test-secret", agentId: 1000002 };
const admin: Actor = { type: "user", id: "it-admin", name: "IT Admin", ip: "127.0.0.1" };
const adminCtx = { actor: admin };

describe("notification dispatch through the embedded executor", () => {
  let executor: ExecutorHandle;
  let appServer: Server;
  let im: SandboxImServer;
  let connectionId: string;
  let token: string;
  let readToken: string;
  let db: (typeof import("@/lib/core/db"))["db"];
  let POST: (typeof import("@/app/api/v1/notifications/route"))["POST"];
  let GET: (typeof import("@/app/api/v1/notifications/[id]/route"))["GET"];

  const post = async (body: unknown, headers: Record<string, string> = {}, auth = token) => {
    const res = await POST(
      new Request("http://orgbridge.test/api/v1/notifications", {
        method: "POST",
        headers: {
          authorization: `Bearer ${auth}`,
          "content-type": "application/json",
          // An address of this file's own: other files' unauthenticated calls count per address and minute.
          [PEER_HEADER]: "192.0.2.72",
          ...headers,
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & {
        id: string;
        error?: { field?: string; code?: string };
      },
    };
  };
  const get = async (id: string, auth = token) => {
    const res = await GET(
      new Request(`http://orgbridge.test/api/v1/notifications/${id}`, {
        headers: { authorization: `Bearer ${auth}` },
      }),
      { params: Promise.resolve({ id }) },
    );
    return {
      status: res.status,
      body: (await res.json()) as {
        status: string;
        counts: Record<string, number>;
        error?: { code: string };
      },
    };
  };
  const notice = (employeeNos: string[]) => ({
    category: "system-change",
    recipients: { employeeNos },
    title: "邮箱迁移",
    body: "本周六邮箱迁移，期间无法收发邮件。",
    link: "https://oa.example/notice/42",
  });

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl");
    process.env.INNGEST_DEV = "0";
    process.env.INNGEST_SIGNING_KEY = SIGNING_KEY;
    process.env.INNGEST_EVENT_KEY = EVENT_KEY;
    const executorPort = await freePort();
    process.env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
    const { startExecutor } = await import("@/inngest/engine");
    const { serve } = await import("inngest/node");
    const { inngest } = await import("@/inngest/client");
    const { notificationDispatch } = await import("@/inngest/functions/notification-dispatch");
    appServer = createServer(serve({ client: inngest, functions: [notificationDispatch] }));
    const appUrl = `http://127.0.0.1:${await listen(appServer)}/api/inngest`;
    executor = await startExecutor({
      port: executorPort,
      databaseUrl,
      signingKey: SIGNING_KEY,
      eventKey: EVENT_KEY,
      appUrls: [appUrl],
      retryBaseMs: 50,
      log: () => {},
    });
    db = (await import("@/lib/core/db")).db;
    await db.$executeRawUnsafe(
      `TRUNCATE "NotificationDelivery", "Notification", "NotificationPreference", "NotificationCategoryVersion", "NotificationCategory", "ImAccount", "Employee", "OrgUnit", "Connection", "SandboxImUser", "SandboxImMessage" CASCADE`,
    );
    await waitFor(
      "the app's functions to register",
      () => db.jobFunction.findMany({ where: { appId: "orgbridge" }, select: { id: true } }),
      (f) => f.some((x) => x.id.endsWith("notification-dispatch")),
    );

    im = await startSandboxIm({ ...creds, port: 0, databaseUrl, rateLimit: false });
    ({ connectionId } = await createSandboxConnections(db, {
      hrUrl: "http://127.0.0.1:9",
      imBaseUrl: im.baseUrl,
      creds,
    }));
    const { openImTarget } = await import("@/lib/connections/engine/open-connection");
    const { target } = await openImTarget(connectionId);
    const unit = await db.orgUnit.create({ data: { code: "ZX", name: "总部", path: "/ZX" } });
    // Company zone daytime for everyone: system-change's quiet hours (22:00–08:00) must not hold anyone back.
    const hour = new Date().getUTCHours();
    const offset = ((12 - hour + 36) % 24) - 12;
    const zone = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
    for (const no of ["Z001", "Z002", "Z003"]) {
      const e = await db.employee.create({
        data: {
          employeeNo: no,
          name: `员工${no}`,
          orgUnitId: unit.id,
          timeZone: zone,
          email: `${no}@z.example`,
        },
      });
      await target.createUser({ id: no, name: e.name, email: e.email!, groupIds: ["1"] });
      await db.imAccount.create({
        data: { connectionId, employeeId: e.id, imUserId: no, state: "ACTIVE" },
      });
    }
    const { ensureDemoNotificationCategories } =
      await import("../../sandbox/demo/ensure-demo-notification-categories");
    await ensureDemoNotificationCategories();
    ({ POST } = await import("@/app/api/v1/notifications/route"));
    ({ GET } = await import("@/app/api/v1/notifications/[id]/route"));
    const { createToken } = await import("@/lib/tokens/commands/create-token");
    ({ token } = await createToken(
      { name: "oa-notify", scopes: ["notifications:write"], expiresInDays: null },
      adminCtx,
    ));
    ({ token: readToken } = await createToken(
      { name: "reader", scopes: ["read"], expiresInDays: null },
      adminCtx,
    ));
  });

  afterAll(async () => {
    await executor?.stop();
    await new Promise<void>((r) => (appServer ? appServer.close(() => r()) : r()));
    await im?.close();
  });

  it("intake: 202 new, 200 with the original for the same Idempotency-Key, 422/400/401/403 with reasons", async () => {
    const first = await post(notice(["Z001", "Z002", "Z404"]), { "idempotency-key": "oa-42" });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      status: "QUEUED",
      recipientCount: 2,
      replayed: false,
      unknownEmployeeNos: ["Z404"],
      unknownOrgUnits: [],
    });
    const again = await post(notice(["Z003"]), { "idempotency-key": "oa-42" });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: first.body.id,
      replayed: true,
      unknownEmployeeNos: ["Z404"],
    });
    expect(await db.notification.count({ where: { idempotencyKey: { endsWith: ":oa-42" } } })).toBe(
      1,
    );

    const bad = await post({ ...notice(["Z001"]), category: "nope" });
    expect([bad.status, bad.body.error?.code, bad.body.error?.field]).toEqual([
      422,
      "invalid",
      "category",
    ]);
    const nobody = await post(notice(["Z404"]));
    expect([nobody.status, nobody.body.error?.field]).toEqual([422, "recipients"]);
    const long = await post({ ...notice(["Z001"]), body: "长".repeat(700) });
    expect([long.status, long.body.error?.field]).toEqual([422, "body"]);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(notice(["Z001"]), {}, "obt_wrong")).status).toBe(401);
    expect((await post(notice(["Z001"]), {}, readToken)).status).toBe(403);

    const done = await waitFor(
      "the notification to complete",
      () => get(first.body.id),
      (r) => r.body.status === "COMPLETED",
    );
    expect(done.body.counts).toMatchObject({ sent: 2, total: 2, failed: 0 });
    for (const no of ["Z001", "Z002"]) {
      const delivery = await db.notificationDelivery.findFirstOrThrow({
        where: { notificationId: first.body.id, employee: { employeeNo: no } },
      });
      expect(delivery.status).toBe("SENT");
      const inbox = await listInbox(im.db, no);
      expect(inbox.map((m) => m.msgid)).toEqual([delivery.imMessageId]);
      expect(inbox[0].text).toContain("邮箱迁移");
    }
    expect(await listInbox(im.db, "Z003")).toHaveLength(0);
    // Another integration's token cannot read it.
    const { createToken } = await import("@/lib/tokens/commands/create-token");
    const { token: other } = await createToken(
      { name: "scrm", scopes: ["notifications:write"], expiresInDays: null },
      adminCtx,
    );
    expect((await get(first.body.id, other)).status).toBe(404);
  });

  it("an IM outage: every retry fails, nothing is marked SENT, the deliveries end FAILED with the error", async () => {
    const connection = await db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const config = connection.config as Record<string, unknown>;
    await db.connection.update({
      where: { id: connectionId },
      data: { config: { ...config, baseUrl: `http://127.0.0.1:${await freePort()}/cgi-bin` } },
    });
    try {
      // Only this notice's recipients: other files' leftover deliveries may still go out meanwhile.
      const mine = { where: { userid: { in: ["Z001", "Z002", "Z003"] } } };
      const before = await db.sandboxImMessage.count(mine);
      const res = await post(notice(["Z001", "Z002", "Z003"]));
      expect(res.status).toBe(202);
      const done = await waitFor(
        "the notification to fail",
        () => get(res.body.id),
        (r) => r.body.status === "FAILED" || r.body.status === "COMPLETED",
        120_000,
      );
      expect(done.body).toMatchObject({
        status: "FAILED",
        counts: { sent: 0, failed: 3, total: 3 },
      });
      const rows = await db.notificationDelivery.findMany({
        where: { notificationId: res.body.id },
      });
      expect(
        rows.every((r) => r.status === "FAILED" && r.imMessageId === null && r.sentAt === null),
      ).toBe(true);
      expect(rows[0].error).toMatch(/^Not confirmed by the IM platform after retries/);
      expect(await db.sandboxImMessage.count(mine)).toBe(before);
      const run = await db.jobRun.findFirstOrThrow({
        where: { functionId: { endsWith: "notification-dispatch" } },
        orderBy: { startedAt: "desc" },
        include: { steps: true },
      });
      const sendStep = run.steps.find((s) => s.name === "send-0-0");
      expect(sendStep).toMatchObject({ status: "failed", attempt: 4 }); // attempts 0–4: the first and four retries
      expect(run.steps.find((s) => s.name === "fail-0-0")?.status).toBe("completed");
    } finally {
      await db.connection.update({
        where: { id: connectionId },
        data: { config: config as object },
      });
    }
  }, 150_000);
});
