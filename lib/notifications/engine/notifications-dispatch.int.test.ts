// Notification dispatch against the sandbox IM: IM outages and the notification-dispatch Inngest
// function (@inngest/test); setup in notifications-test-env.ts.
import { createServer } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { listInbox } from "@/lib/sandbox/im/list-inbox";
import { type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { countDeliveries } from "../queries/count-deliveries";
import { createNotification } from "../commands/create-notification";
import { ensureDemoNotificationCategories } from "../../sandbox/demo/ensure-demo-notification-categories";
import { evaluateDeliveries } from "./evaluate-deliveries";
import { failDueDeliveries } from "./fail-due-deliveries";
import { finishDispatch } from "./finish-dispatch";
import { prepareDispatch } from "./prepare-dispatch";
import { createCategory } from "../commands/save-category";
import { sendDueDeliveries } from "./send-due-deliveries";
import { actor, birthdayPolicy, hr, setupNotificationsEnv } from "./notifications-test-env";

const ctx = { actor };
const hrCtx = { actor: hr };

const env = setupNotificationsEnv();

describe("notifications against the sandbox IM", () => {
  const { send, db } = env;
  let im: SandboxImServer;
  let connectionId: string;
  beforeAll(() => {
    im = env.im!;
    connectionId = env.connectionId;
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

  it("refuses to run inside a caller's transaction (dispatch starts after its own commit)", async () => {
    const d = await db();
    const before = [await d.notification.count(), await d.auditLog.count(), env.sent.length];
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
    expect([await d.notification.count(), await d.auditLog.count(), env.sent.length]).toEqual(
      before,
    );
  });
});
