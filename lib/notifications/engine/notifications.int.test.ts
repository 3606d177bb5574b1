import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { AppError } from "@/lib/core/errors";
import { quietHoursEndAt } from "@/lib/notifications/rules/quiet-hours";
import { listInbox } from "@/lib/sandbox/im/list-inbox";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { CategoryInput } from "../category-input-schema";
import { countDeliveries } from "../queries/count-deliveries";
import { createNotification } from "../commands/create-notification";
import { ensureDemoNotificationCategories } from "../../sandbox/demo/ensure-demo-notification-categories";
import { evaluateDeliveries } from "./evaluate-deliveries";
import { failDueDeliveries } from "./fail-due-deliveries";
import { emitDeliveredEvents } from "./emit-delivered-events";
import { finishDispatch } from "./finish-dispatch";
import { prepareDispatch } from "./prepare-dispatch";
import { previewAudience } from "../queries/preview-audience";
import { archiveCategory, createCategory, updateCategory } from "../commands/save-category";
import { sendDueDeliveries } from "./send-due-deliveries";

process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
process.env.COMPANY_TIME_ZONE = "Asia/Shanghai";
const creds = { corpId: "ww-notify-test", corpSecret: "notify-test-secret", agentId: 1000002 };
const actor: Actor = { type: "token", id: "tok-oa", name: "OA" };
const ctx = { actor };
const hr: Actor = { type: "user", id: "u-hr", name: "HR Admin" };
const hrCtx = { actor: hr };
const everyDay = [1, 2, 3, 4, 5, 6, 7];

setupTestDb();

/** An Etc/GMT zone whose wall clock reads an hour in [from, to) right now (Etc/GMT-8 is UTC+8). */
function zoneAtLocalHour(from: number, to: number): string {
  const utcHour = new Date().getUTCHours();
  for (let offset = -12; offset <= 14; offset++) {
    const local = (((utcHour + offset) % 24) + 24) % 24;
    if (local >= from && local < to)
      return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  }
  throw new Error("no zone found");
}

const birthdayPolicy: CategoryInput = {
  key: "birthday-test",
  nameZh: "生日祝福（测试）",
  nameEn: "Birthday (test)",
  descriptionZh: "测试用",
  descriptionEn: "For tests",
  mandatory: false,
  urgent: false,
  defaultOptIn: true,
  quietHours: { enabled: true, start: "21:00", end: "08:00", weekdays: everyDay, timeZone: null },
  quietAction: "defer",
  channel: "text",
  fallbackChannel: null,
  throttlePerDay: 1,
  throttleAction: "drop",
};

describe("notifications against the sandbox IM", () => {
  let im: SandboxImServer;
  let connectionId: string;
  const sent: { name: string; data: { notificationId: string }; id: string }[] = [];
  const send = async (
    name: "notification/requested",
    data: { notificationId: string },
    id: string,
  ) => {
    sent.push({ name, data, id });
  };
  const db = async () => (await import("@/lib/core/db")).db;
  const quietZone = zoneAtLocalHour(1, 6);
  const dayZone = zoneAtLocalHour(10, 17);

  beforeAll(async () => {
    const url = inject("databaseUrl");
    const d = await db();
    await d.$executeRawUnsafe(
      `TRUNCATE "NotificationDelivery", "Notification", "NotificationPreference", "NotificationCategoryVersion", "NotificationCategory", "ImAccount", "Employee", "OrgUnit", "Connection", "AuditLog", "SandboxImUser", "SandboxImMessage", "CallbackEndpoint", "CallbackEvent" CASCADE`,
    );
    im = await startSandboxIm({ ...creds, port: 0, databaseUrl: url, rateLimit: false });
    ({ connectionId } = await createSandboxConnections(d, {
      hrUrl: "http://127.0.0.1:9",
      imBaseUrl: im.baseUrl,
      creds,
    }));

    const unit = (code: string, path: string, parentId?: string) =>
      d.orgUnit.create({
        data: { code, name: code, path, depth: path.split("/").length - 2, parentId },
      });
    const root = await unit("XH", "/XH");
    const rd = await unit("XH-RD", "/XH/XH-RD", root.id);
    const fe = await unit("XH-RD-FE", "/XH/XH-RD/XH-RD-FE", rd.id);
    const hrUnit = await unit("XH-HR", "/XH/XH-HR", root.id);
    // A sibling whose code shares the subtree's prefix: must not count as its descendant.
    await unit("XH-RDX", "/XH/XH-RDX", root.id);

    const { target } = await openImTarget(connectionId);
    const people: {
      no: string;
      unitId: string;
      zone: string;
      status?: "TERMINATED";
      account: "real" | "ghost" | "none";
    }[] = [
      { no: "N001", unitId: rd.id, zone: dayZone, account: "real" },
      { no: "N002", unitId: fe.id, zone: dayZone, account: "real" }, // opts out
      { no: "N003", unitId: fe.id, zone: quietZone, account: "real" }, // in quiet hours
      { no: "N004", unitId: fe.id, zone: dayZone, account: "real" },
      { no: "N005", unitId: fe.id, zone: dayZone, account: "none" }, // no IM account
      { no: "N006", unitId: fe.id, zone: dayZone, account: "ghost" }, // the IM does not know the account
      { no: "N007", unitId: fe.id, zone: dayZone, account: "real", status: "TERMINATED" },
      { no: "N008", unitId: hrUnit.id, zone: dayZone, account: "real" }, // outside the subtree
    ];
    for (const p of people) {
      const e = await d.employee.create({
        data: {
          employeeNo: p.no,
          name: `员工${p.no}`,
          orgUnitId: p.unitId,
          timeZone: p.zone,
          status: p.status ?? "ACTIVE",
          email: `${p.no}@n.example`,
        },
      });
      if (p.account === "real")
        await target.createUser({ id: p.no, name: e.name, email: e.email!, groupIds: ["1"] });
      if (p.account !== "none")
        await d.imAccount.create({
          data: {
            connectionId,
            employeeId: e.id,
            imUserId: p.account === "ghost" ? "ghost-N006" : p.no,
            state: "ACTIVE",
          },
        });
    }
  });
  afterAll(async () => {
    await im?.close();
  });

  it("creates categories versioned and audited; a duplicate key is an error on key", async () => {
    const d = await db();
    const created = await createCategory(birthdayPolicy, hrCtx);
    expect(created).toMatchObject({
      key: "birthday-test",
      version: 1,
      quietStart: "21:00",
      throttlePerDay: 1,
    });
    await expect(createCategory(birthdayPolicy, hrCtx)).rejects.toMatchObject({
      field: "key",
      status: 422,
    });
    const updated = await updateCategory(
      {
        id: created.id,
        policy: {
          ...birthdayPolicy,
          nameEn: "Birthday wishes (test)",
        },
      },
      hrCtx,
    );
    expect(updated.version).toBe(2);
    // Saving the same policy again is not a new version.
    expect(
      (
        await updateCategory(
          {
            id: created.id,
            policy: {
              ...birthdayPolicy,
              nameEn: "Birthday wishes (test)",
            },
          },
          hrCtx,
        )
      ).version,
    ).toBe(2);
    const versions = await d.notificationCategoryVersion.findMany({
      where: { categoryId: created.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, (v.policy as { nameEn: string }).nameEn])).toEqual([
      [1, "Birthday (test)"],
      [2, "Birthday wishes (test)"],
    ]);
    expect(
      await d.auditLog.count({
        where: { targetId: created.id, action: { startsWith: "notification_category." } },
      }),
    ).toBe(2);
    await expect(
      updateCategory(
        {
          id: created.id,
          policy: {
            ...birthdayPolicy,
            quietHours: { ...birthdayPolicy.quietHours, timeZone: "Mars/Olympus" },
          },
        },
        hrCtx,
      ),
    ).rejects.toMatchObject({
      field: "quietHours.timeZone",
    });
    expect(
      (await d.notificationCategory.findUniqueOrThrow({ where: { id: created.id } })).version,
    ).toBe(2);
  });

  it("previews the audience: active employees of the subtree, unknown names listed", async () => {
    const preview = await previewAudience(
      {
        orgUnits: [{ code: "XH-RD", includeDescendants: true }, { code: "NOPE" }],
        employeeNos: ["N008", "N007", "X999"],
      },
      { includeIds: true },
    );
    expect(preview.count).toBe(7); // N001–N006 + N008; N007 is terminated, XH-RDX is not in the subtree
    expect(preview.employeeIds).toHaveLength(7);
    expect(preview.unknownEmployeeNos).toEqual(["X999"]);
    expect(preview.inactiveEmployeeNos).toEqual(["N007"]);
    expect(preview.unknownOrgUnits).toEqual(["NOPE"]);
    expect(
      (await previewAudience({ orgUnits: [{ code: "XH-RD", includeDescendants: false }] })).count,
    ).toBe(1);
    expect((await previewAudience({ everyone: true })).count).toBe(7);
  });

  it("rejects bad input naming the field and writes nothing", async () => {
    const d = await db();
    const before = [await d.notification.count(), await d.auditLog.count()];
    const base = {
      category: "birthday-test",
      recipients: { employeeNos: ["N001"] },
      title: "生日快乐",
      body: "祝你生日快乐！",
    };
    const cases: [unknown, string][] = [
      [{ ...base, category: "no-such-category" }, "category"],
      [{ ...base, recipients: { employeeNos: ["X1", "N007"] } }, "recipients"],
      [{ ...base, recipients: {} }, "recipients"],
      [{ ...base, body: "字".repeat(683) }, "body"], // 2049 bytes in UTF-8
      [{ ...base, title: "" }, "title"],
      [{ ...base, link: "javascript:alert(1)" }, "link"],
    ];
    for (const [input, field] of cases) {
      const error = await createNotification({ notification: input }, ctx, { send }).catch(
        (e: unknown) => e,
      );
      expect(error, field).toBeInstanceOf(AppError);
      expect((error as AppError).field, JSON.stringify(input).slice(0, 80)).toBe(field);
      expect((error as AppError).status).toBe(422);
    }
    expect([await d.notification.count(), await d.auditLog.count()]).toEqual(before);
    expect(sent).toHaveLength(0);
  });

  it("refuses to run inside a caller's transaction (dispatch starts after its own commit)", async () => {
    const d = await db();
    const before = [await d.notification.count(), await d.auditLog.count(), sent.length];
    const valid = {
      category: "birthday-test",
      recipients: { employeeNos: ["N001"] },
      title: "t",
      body: "b",
    };
    const error = await d
      .$transaction((tx) => createNotification({ notification: valid }, { actor, tx }, { send }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/createNotification .* caller's transaction/);
    expect([await d.notification.count(), await d.auditLog.count(), sent.length]).toEqual(before);
  });

  it("the same idempotency key returns the original, also when two requests race", async () => {
    const d = await db();
    const input = {
      category: "birthday-test",
      recipients: { employeeNos: ["N001"] },
      title: "t",
      body: "b",
    };
    const first = await createNotification({ notification: input, idempotencyKey: "idem-1" }, ctx, {
      send,
    });
    const again = await createNotification(
      { notification: { ...input, body: "changed" }, idempotencyKey: "idem-1" },
      ctx,
      { send },
    );
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.notification.id).toBe(first.notification.id);
    // Another caller with the same key is a different notification.
    const other = await createNotification(
      { notification: input, idempotencyKey: "idem-1" },
      { actor: { ...actor, id: "tok-scrm" } },
      { send },
    );
    expect(other.notification.id).not.toBe(first.notification.id);

    const race = await Promise.all(
      [1, 2, 3].map(() =>
        createNotification({ notification: input, idempotencyKey: "idem-race" }, ctx, { send }),
      ),
    );
    expect(new Set(race.map((r) => r.notification.id)).size).toBe(1);
    expect(race.filter((r) => r.created)).toHaveLength(1);
    expect(
      await d.notification.count({ where: { idempotencyKey: { endsWith: ":idem-race" } } }),
    ).toBe(1);
    expect(
      sent
        .filter((e) => e.data.notificationId === first.notification.id)
        .every((e) => e.id === `notification-${first.notification.id}`),
    ).toBe(true);
    await d.notification.deleteMany({});
  });

  it("sends to an org subtree: the inbox and the delivery log agree (opted out, quiet hours, no account, refused)", async () => {
    const d = await db();
    const category = await d.notificationCategory.findUniqueOrThrow({
      where: { key: "birthday-test" },
    });
    const n2 = await d.employee.findUniqueOrThrow({ where: { employeeNo: "N002" } });
    await d.notificationPreference.create({
      data: { employeeId: n2.id, categoryId: category.id, optedIn: false },
    });

    const { notification, unknownEmployeeNos } = await createNotification(
      {
        notification: {
          category: "birthday-test",
          recipients: {
            orgUnits: [{ code: "XH-RD", includeDescendants: true }],
            employeeNos: ["X404"],
          },
          title: "生日快乐",
          body: "祝你生日快乐！",
          link: "https://hr.example/cards/1",
        },
        idempotencyKey: "subtree-1",
      },
      ctx,
      { send },
    );
    expect(unknownEmployeeNos).toEqual(["X404"]);
    expect(notification).toMatchObject({ categoryVersion: 2, status: "QUEUED", recipientCount: 6 });
    expect(sent.at(-1)).toEqual({
      name: "notification/requested",
      data: { notificationId: notification.id },
      id: `notification-${notification.id}`,
    });

    expect(await prepareDispatch(notification.id)).toEqual({ skip: false, recipients: 6 });
    expect(await prepareDispatch(notification.id)).toEqual({ skip: false, recipients: 6 }); // repeatable
    const evaluatedAt = new Date();
    const first = await evaluateDeliveries({ notificationId: notification.id });
    expect(first).toMatchObject({ evaluated: 6, send: 3, deferred: 1, suppressed: 1, failed: 1 });
    const result = await sendDueDeliveries({ notificationId: notification.id });
    expect(result).toEqual({ sent: 2, failed: 1, remaining: false });
    // No system subscribes yet: nothing is emitted. Then an OA subscribes and hears of each confirmed delivery, once.
    expect(await emitDeliveredEvents(notification.id)).toEqual({ emitted: 0, failed: 0 });
    await d.callbackEndpoint.create({
      data: {
        name: "OA",
        url: "https://oa.example/hooks",
        eventTypes: ["notification.delivered"],
        secretCipher: "unused-here",
      },
    });
    expect(await emitDeliveredEvents(notification.id)).toEqual({ emitted: 2, failed: 0 });
    expect(await emitDeliveredEvents(notification.id)).toEqual({ emitted: 0, failed: 0 });
    const told = await d.callbackEvent.findMany({
      where: { type: "notification.delivered" },
      include: { deliveries: true },
    });
    expect(told.map((e) => (e.data as { employeeNo: string }).employeeNo).sort()).toEqual([
      "N001",
      "N004",
    ]);
    expect(told[0]).toMatchObject({
      source: "notifications",
      data: expect.objectContaining({
        notificationId: notification.id,
        categoryKey: "birthday-test",
      }),
      deliveries: [expect.anything()],
    });

    const rows = await d.notificationDelivery.findMany({
      where: { notificationId: notification.id },
      include: { employee: true },
    });
    const by = Object.fromEntries(rows.map((r) => [r.employee.employeeNo, r]));
    expect(Object.keys(by).sort()).toEqual(["N001", "N002", "N003", "N004", "N005", "N006"]);
    for (const no of ["N001", "N004"]) {
      expect(by[no]).toMatchObject({ status: "SENT", reason: "deliver_now", attempts: 1 });
      const inbox = await listInbox(im.db, no);
      expect(inbox).toHaveLength(1);
      expect(inbox[0].msgid).toBe(by[no].imMessageId);
      expect(inbox[0].text).toBe("生日快乐\n\n祝你生日快乐！\n\nhttps://hr.example/cards/1");
    }
    expect(by.N002).toMatchObject({ status: "SUPPRESSED", reason: "opted_out", imMessageId: null });
    expect(await listInbox(im.db, "N002")).toHaveLength(0);
    const quietEnd = quietHoursEndAt({
      at: evaluatedAt,
      window: birthdayPolicy.quietHours,
      timeZone: quietZone,
    })!;
    expect(by.N003).toMatchObject({
      status: "DEFERRED",
      reason: "quiet_hours_defer",
      deferredUntil: quietEnd,
    });
    expect(by.N003.deferredUntil!.toISOString()).toMatch(/T\d\d:00:00\.000Z$/);
    expect(await listInbox(im.db, "N003")).toHaveLength(0);
    expect(by.N005).toMatchObject({ status: "FAILED", reason: "no_im_account" });
    expect(by.N006).toMatchObject({ status: "FAILED", reason: "invalid_recipient" });
    expect(by.N006.error).toContain("ghost-N006");
    expect(await listInbox(im.db, "N008")).toHaveLength(0);
    expect(first.nextDueAt).toBe(quietEnd.toISOString());
    expect((await finishDispatch(notification.id)).status).toBe("DISPATCHING");

    // When the deferral comes due, it is evaluated again and goes out.
    const later = await evaluateDeliveries({
      notificationId: notification.id,
      dueAt: first.nextDueAt,
    });
    expect(later).toMatchObject({ evaluated: 1, send: 1, nextDueAt: null });
    expect(await sendDueDeliveries({ notificationId: notification.id })).toEqual({
      sent: 1,
      failed: 0,
      remaining: false,
    });
    const n3 = await d.notificationDelivery.findFirstOrThrow({
      where: { notificationId: notification.id, employee: { employeeNo: "N003" } },
    });
    expect(n3).toMatchObject({ status: "SENT", deferredUntil: quietEnd });
    expect((await listInbox(im.db, "N003"))[0].msgid).toBe(n3.imMessageId);
    const done = await finishDispatch(notification.id);
    expect(done).toMatchObject({
      status: "COMPLETED",
      counts: { sent: 3, suppressed: 1, failed: 2, deferred: 0, queued: 0, total: 6 },
    });

    // The throttle (1 a day, drop) now holds back a second birthday notice to those who got one today.
    const second = await createNotification(
      {
        notification: {
          category: "birthday-test",
          recipients: { employeeNos: ["N001", "N004"] },
          title: "再次",
          body: "第二条",
        },
      },
      ctx,
      { send },
    );
    await prepareDispatch(second.notification.id);
    expect(await evaluateDeliveries({ notificationId: second.notification.id })).toMatchObject({
      suppressed: 2,
      send: 0,
    });
    expect(
      await d.notificationDelivery.count({
        where: { notificationId: second.notification.id, reason: "throttled_drop" },
      }),
    ).toBe(2);
  });

  it("keeps the category version a notification was accepted under", async () => {
    const d = await db();
    const category = await d.notificationCategory.findUniqueOrThrow({
      where: { key: "birthday-test" },
    });
    const { notification } = await createNotification(
      {
        notification: {
          category: "birthday-test",
          recipients: { employeeNos: ["N008"] },
          title: "v2",
          body: "v2",
        },
      },
      ctx,
      { send },
    );
    // HR turns the category opt-in only after the notification was accepted; it still goes out under version 2.
    await updateCategory(
      {
        id: category.id,
        policy: {
          ...birthdayPolicy,
          nameEn: "Birthday wishes (test)",
          defaultOptIn: false,
          throttlePerDay: null,
        },
      },
      hrCtx,
    );
    await prepareDispatch(notification.id);
    expect(await evaluateDeliveries({ notificationId: notification.id })).toMatchObject({
      send: 1,
    });
    await sendDueDeliveries({ notificationId: notification.id });
    expect(await countDeliveries(notification.id)).toMatchObject({ sent: 1 });

    await archiveCategory({ id: category.id }, hrCtx);
    await expect(
      createNotification(
        {
          notification: {
            category: "birthday-test",
            recipients: { everyone: true },
            title: "x",
            body: "y",
          },
        },
        ctx,
        { send },
      ),
    ).rejects.toMatchObject({ field: "category" });
    await archiveCategory({ id: category.id, archived: false }, hrCtx);
  });

  it("an IM outage marks nothing sent; after the last retry the waiting deliveries fail with the error", async () => {
    const d = await db();
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const connection = await d.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const config = connection.config as Record<string, unknown>;
    await d.connection.update({
      where: { id: connectionId },
      data: { config: { ...config, baseUrl: `http://127.0.0.1:${closedPort}/cgi-bin` } },
    });
    await createCategory(
      {
        ...birthdayPolicy,
        key: "outage-test",
        mandatory: true,
        quietHours: { ...birthdayPolicy.quietHours, enabled: false },
        throttlePerDay: null,
      },
      hrCtx,
    );
    try {
      const { notification } = await createNotification(
        {
          notification: {
            category: "outage-test",
            recipients: { employeeNos: ["N001", "N004", "N008"] },
            title: "停机",
            body: "今晚停机",
          },
        },
        ctx,
        { send },
      );
      await prepareDispatch(notification.id);
      await evaluateDeliveries({ notificationId: notification.id, now: new Date() });
      const inboxBefore = await d.sandboxImMessage.count();
      const error = await sendDueDeliveries({
        notificationId: notification.id,
        runtime: { retry: { maxAttempts: 1 } },
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ConnectorError", kind: "transient" });
      expect(await countDeliveries(notification.id)).toMatchObject({ sent: 0, queued: 3 });
      expect(
        await failDueDeliveries(
          notification.id,
          `Not confirmed by the IM platform after retries: ${(error as Error).message}`,
        ),
      ).toBe(3);
      const rows = await d.notificationDelivery.findMany({
        where: { notificationId: notification.id },
      });
      expect(
        rows.every(
          (r) =>
            r.status === "FAILED" &&
            r.imMessageId === null &&
            r.sentAt === null &&
            r.error?.startsWith("Not confirmed"),
        ),
      ).toBe(true);
      expect(await d.sandboxImMessage.count()).toBe(inboxBefore);
      expect((await finishDispatch(notification.id)).status).toBe("FAILED");
    } finally {
      await d.connection.update({
        where: { id: connectionId },
        data: { config: config as object },
      });
    }
  });

  it("runs as the notification-dispatch Inngest function (@inngest/test)", async () => {
    const d = await db();
    await ensureDemoNotificationCategories();
    expect(await ensureDemoNotificationCategories()).toEqual([]);
    expect(
      (
        await d.notificationCategory.findMany({
          where: { key: { in: ["system-change", "emergency", "birthday", "benefits"] } },
        })
      ).length,
    ).toBe(4);
    // N002 opted out while the category was still optional; mandatory now, so the opt-out is overridden.
    const emergency = await d.notificationCategory.findUniqueOrThrow({
      where: { key: "emergency" },
    });
    const n2employee = await d.employee.findUniqueOrThrow({ where: { employeeNo: "N002" } });
    await d.notificationPreference.create({
      data: { employeeId: n2employee.id, categoryId: emergency.id, optedIn: false },
    });
    const { notification } = await createNotification(
      {
        notification: {
          category: "emergency",
          recipients: { orgUnits: [{ code: "XH-RD-FE", includeDescendants: true }] },
          title: "台风预警",
          body: "今晚台风登陆，请居家办公。",
        },
      },
      ctx,
      { send },
    );
    const { notificationDispatch } = await import("@/inngest/functions/notification-dispatch");
    const run = await new InngestTestEngine({ function: notificationDispatch }).execute({
      events: [{ name: "notification/requested", data: { notificationId: notification.id } }],
    });
    // Emergency is mandatory and urgent: N002's opt-out and N003's quiet hours do not hold it back.
    expect(run.result).toMatchObject({
      status: "COMPLETED",
      counts: { sent: 3, failed: 2, suppressed: 0, deferred: 0, total: 5 },
    });
    const n2 = await d.notificationDelivery.findFirstOrThrow({
      where: { notificationId: notification.id, employee: { employeeNo: "N002" } },
    });
    expect(n2).toMatchObject({ status: "SENT", reason: "mandatory_override" });
    expect((await listInbox(im.db, "N002"))[0]).toMatchObject({
      msgid: n2.imMessageId,
      text: expect.stringContaining("台风预警"),
    });
    const n3 = await d.notificationDelivery.findFirstOrThrow({
      where: { notificationId: notification.id, employee: { employeeNo: "N003" } },
    });
    expect(n3.reason).toBe("urgent_bypass");
    expect(
      await d.notification.findUniqueOrThrow({ where: { id: notification.id } }),
    ).toMatchObject({ status: "COMPLETED", recipientCount: 5, completedAt: expect.any(Date) });
  });

  it("the Inngest function sleeps until quiet hours end, then re-evaluates and sends", async () => {
    const d = await db();
    const { notification } = await createNotification(
      {
        notification: {
          category: "system-change",
          recipients: { employeeNos: ["N001", "N003"] },
          title: "VPN 维护",
          body: "周六 VPN 升级。",
        },
      },
      ctx,
      { send },
    );
    const { notificationDispatch } = await import("@/inngest/functions/notification-dispatch");
    // @inngest/test pauses at a sleep; the mock stands for the executor waking the run at the slot.
    const run = await new InngestTestEngine({ function: notificationDispatch }).execute({
      events: [{ name: "notification/requested", data: { notificationId: notification.id } }],
      steps: [{ id: "wait-0", handler: () => null }],
    });
    expect(run.result).toMatchObject({ status: "COMPLETED", counts: { sent: 2, total: 2 } });
    const n3 = await d.notificationDelivery.findFirstOrThrow({
      where: { notificationId: notification.id, employee: { employeeNo: "N003" } },
    });
    // Deferred to 08:00 on N003's clock, then sent in the next round.
    expect(n3.deferredUntil?.toISOString()).toMatch(/T\d\d:00:00\.000Z$/);
    expect(n3).toMatchObject({ status: "SENT", reason: "deliver_now" });
    expect((await listInbox(im.db, "N003"))[0]).toMatchObject({
      msgid: n3.imMessageId,
      text: expect.stringContaining("VPN 维护"),
    });
  });
});
