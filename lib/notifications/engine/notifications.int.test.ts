// Against the sandbox IM: categories, audience, validation, idempotency, subtree sends, versions.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { quietHoursEndAt } from "@/lib/notifications/rules/quiet-hours";
import { listInbox } from "@/lib/sandbox/im/list-inbox";
import { type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { countDeliveries } from "../queries/count-deliveries";
import { createNotification } from "../commands/create-notification";
import { evaluateDeliveries } from "./evaluate-deliveries";
import { emitDeliveredEvents } from "./emit-delivered-events";
import { finishDispatch } from "./finish-dispatch";
import { prepareDispatch } from "./prepare-dispatch";
import { previewAudience } from "../queries/preview-audience";
import { archiveCategory, createCategory, updateCategory } from "../commands/save-category";
import { sendDueDeliveries } from "./send-due-deliveries";
import { actor, birthdayPolicy, hr, setupNotificationsEnv } from "./notifications-test-env";

const ctx = { actor };
const hrCtx = { actor: hr };

const env = setupNotificationsEnv();

describe("notifications against the sandbox IM", () => {
  const { sent, send, db, quietZone } = env;
  let im: SandboxImServer;
  beforeAll(() => {
    im = env.im!;
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
});
