import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { makePolicy, nightlyQuiet } from "@/lib/notifications/rules/test-fixtures";
import { makeEmployee, setupTestDb } from "@/lib/testing/setup-test-db";
import { getCategory } from "./get-category";
import { getMyNotifications } from "./get-my-notifications";
import { getNotification } from "./get-notification";
import { listDeliveries } from "./list-deliveries";
import { listOrgUnitChildren } from "./list-org-unit-children";
import { listNotifications } from "./list-notifications";
import {
  deliveryFilterSchema,
  notificationListSchema,
  simulateDeliverySchema,
} from "../console-schemas";
import { searchEmployees } from "./search-employees";
import { searchOrgUnits } from "./search-org-units";
import { setPreference } from "../commands/set-preference";
import { simulateDelivery } from "./simulate-delivery";

setupTestDb();

const db = async () => (await import("@/lib/core/db")).db;
const run = Math.random().toString(36).slice(2, 7);
const hr: Actor = { type: "user", id: `hr-${run}`, name: "李娜", ip: "127.0.0.1" };
const hrCtx = { actor: hr };

describe("notification console", () => {
  let emp: { id: string; employeeNo: string };
  let other: { id: string; employeeNo: string };
  let optionalId: string;
  const optionalKey = `benefits-${run}`;
  const mandatoryKey = `system-${run}`;
  const archivedKey = `old-${run}`;
  const quietKey = `quiet-${run}`;

  beforeAll(async () => {
    const d = await db();
    const { createCategory, updateCategory } =
      await import("@/lib/notifications/commands/save-category");
    await d.user.create({ data: { id: hr.id, subject: `sub-${run}`, name: "李娜" } });
    emp = await makeEmployee();
    other = await makeEmployee();
    await d.employee.update({ where: { id: emp.id }, data: { timeZone: "America/New_York" } });
    optionalId = (
      await createCategory(
        makePolicy({ key: optionalKey, nameEn: "Benefits", nameZh: "福利提醒" }),
        hrCtx,
      )
    ).id;
    await createCategory(
      makePolicy({
        key: mandatoryKey,
        mandatory: true,
        urgent: true,
        quietAction: "deliver",
        quietHours: nightlyQuiet,
      }),
      hrCtx,
    );
    const archived = await createCategory(makePolicy({ key: archivedKey }), hrCtx);
    await d.notificationCategory.update({ where: { id: archived.id }, data: { archived: true } });
    const quiet = await createCategory(
      makePolicy({ key: quietKey, quietHours: nightlyQuiet, throttlePerDay: 1 }),
      hrCtx,
    );
    await updateCategory(
      {
        id: quiet.id,
        policy: makePolicy({
          key: quietKey,
          quietHours: { ...nightlyQuiet, start: "21:30" },
          throttlePerDay: 1,
        }),
      },
      hrCtx,
    );
  });

  describe("setPreference", () => {
    const self = (employeeId: string | null): Parameters<typeof setPreference>[1] => ({
      actor: { type: "user", id: `u-${run}`, name: "张伟", employeeId },
    });
    const auditCount = async (employeeId: string) =>
      (await db()).auditLog.count({
        where: { action: "notification_preference.updated", targetId: employeeId },
      });

    it("refuses a mandatory category, naming the field, and writes nothing", async () => {
      const d = await db();
      await expect(
        setPreference(
          { employeeId: emp.id, categoryKey: mandatoryKey, optedIn: false },
          self(emp.id),
        ),
      ).rejects.toMatchObject({
        status: 422,
        field: "optedIn",
        message: expect.stringContaining("mandatory"),
      });
      expect(
        await d.notificationPreference.count({
          where: { employeeId: emp.id, category: { key: mandatoryKey } },
        }),
      ).toBe(0);
      expect(await auditCount(emp.id)).toBe(0);
    });

    it("refuses to change someone else's preference and writes nothing", async () => {
      const d = await db();
      await expect(
        setPreference(
          { employeeId: other.id, categoryKey: optionalKey, optedIn: false },
          self(emp.id),
        ),
      ).rejects.toMatchObject({ status: 403 });
      await expect(
        setPreference(
          { employeeId: other.id, categoryKey: optionalKey, optedIn: false },
          self(null),
        ),
      ).rejects.toMatchObject({
        status: 403,
      });
      expect(await d.notificationPreference.count({ where: { employeeId: other.id } })).toBe(0);
      expect(await auditCount(other.id)).toBe(0);
    });

    it("refuses unknown and archived categories", async () => {
      await expect(
        setPreference(
          { employeeId: emp.id, categoryKey: `nope-${run}`, optedIn: false },
          self(emp.id),
        ),
      ).rejects.toMatchObject({ status: 404, field: "categoryKey" });
      await expect(
        setPreference(
          { employeeId: emp.id, categoryKey: archivedKey, optedIn: false },
          self(emp.id),
        ),
      ).rejects.toMatchObject({
        status: 404,
      });
    });

    it("upserts the employee's own choice and audits before and after", async () => {
      const d = await db();
      expect(
        await setPreference(
          { employeeId: emp.id, categoryKey: optionalKey, optedIn: false },
          self(emp.id),
        ),
      ).toMatchObject({
        categoryKey: optionalKey,
        optedIn: false,
      });
      expect(
        await setPreference(
          { employeeId: emp.id, categoryKey: optionalKey, optedIn: true },
          self(emp.id),
        ),
      ).toMatchObject({
        optedIn: true,
      });
      expect(
        await setPreference(
          { employeeId: emp.id, categoryKey: optionalKey, optedIn: false },
          self(emp.id),
        ),
      ).toMatchObject({
        optedIn: false,
      });
      expect(
        await d.notificationPreference.findMany({
          where: { employeeId: emp.id },
          select: { optedIn: true, categoryId: true },
        }),
      ).toEqual([{ optedIn: false, categoryId: optionalId }]);
      const audits = await d.auditLog.findMany({
        where: { action: "notification_preference.updated", targetId: emp.id },
        orderBy: { createdAt: "asc" },
      });
      expect(audits.map((a) => [a.before, a.after])).toEqual([
        [
          { category: optionalKey, optedIn: null },
          { category: optionalKey, optedIn: false },
        ],
        [
          { category: optionalKey, optedIn: false },
          { category: optionalKey, optedIn: true },
        ],
        [
          { category: optionalKey, optedIn: true },
          { category: optionalKey, optedIn: false },
        ],
      ]);
      expect(audits[0]).toMatchObject({
        actorId: `u-${run}`,
        actorType: "user",
        targetType: "employee",
      });
    });

    it("rejects bad input naming the field", async () => {
      await expect(
        setPreference({ employeeId: emp.id, categoryKey: "", optedIn: true }, self(emp.id)),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["categoryKey"] })],
      });
    });
  });

  it("/me lists live categories with my choice, locks mandatory ones and reads quiet hours in my zone", async () => {
    const mine = await getMyNotifications(emp.id);
    expect(mine.timeZone).toBe("America/New_York");
    const byKey = new Map(mine.categories.map((c) => [c.key, c]));
    expect(byKey.has(archivedKey)).toBe(false);
    expect(byKey.get(optionalKey)).toMatchObject({
      mandatory: false,
      preference: false,
      receiving: false,
      quiet: null,
    });
    expect(byKey.get(mandatoryKey)).toMatchObject({
      mandatory: true,
      receiving: true,
      quiet: {
        start: "22:00",
        end: "08:00",
        timeZone: "America/New_York",
        ownZone: true,
        bypass: true,
      },
    });
    expect(byKey.get(quietKey)?.quiet?.start).toBe("21:30");
  });

  it("category detail lists versions newest first with who and what changed", async () => {
    const detail = await getCategory(quietKey);
    expect(detail?.category.version).toBe(2);
    expect(detail?.versions.map((v) => [v.version, v.createdBy])).toEqual([
      [2, "李娜"],
      [1, "李娜"],
    ]);
    expect(detail?.versions[0].changes).toEqual([
      { field: "quietHours.start", before: "22:00", after: "21:30" },
    ]);
    expect(detail?.versions[1].changes).toEqual([]);
    expect(await getCategory(`missing-${run}`)).toBeNull();
  });

  describe("simulateDelivery", () => {
    const sim = (input: unknown) => simulateDelivery(simulateDeliverySchema.parse(input));

    it("reads the send time on the employee's clock and defers inside quiet hours", async () => {
      const r = await sim({
        categoryKey: quietKey,
        target: "employee",
        employeeNo: emp.employeeNo,
        sendAt: "2026-11-22T23:30",
      });
      expect(r).toMatchObject({
        action: "defer",
        timeZone: "America/New_York",
        sendAt: "2026-11-23T04:30:00.000Z",
        deliverAt: "2026-11-23T13:00:00.000Z",
        sentToday: 0,
        policyVersion: 2,
      });
      expect(r.explained).toEqual({
        key: "quiet_hours_defer",
        values: {
          date: "2026-11-23",
          time: "08:00",
          timeZone: "America/New_York",
          quietStart: "21:30",
          quietEnd: "08:00",
        },
      });
    });

    it("uses the stored opt-out of the employee", async () => {
      const r = await sim({
        categoryKey: optionalKey,
        target: "employee",
        employeeNo: emp.employeeNo,
        sendAt: "2026-11-22T12:00",
      });
      expect(r).toMatchObject({
        action: "suppress",
        optedIn: false,
        deliverAt: null,
        explained: { key: "opted_out" },
      });
    });

    it("counts today's real deliveries for the throttle", async () => {
      const d = await db();
      const n = await d.notification.create({
        data: {
          categoryId: (await d.notificationCategory.findUniqueOrThrow({ where: { key: quietKey } }))
            .id,
          categoryVersion: 2,
          title: "t",
          body: "b",
          audience: {},
          requestedBy: `user:${hr.id}`,
        },
      });
      await d.notificationDelivery.create({
        data: {
          notificationId: n.id,
          employeeId: emp.id,
          status: "SENT",
          sentAt: new Date("2026-11-22T15:00:00Z"),
          reason: "deliver_now",
        },
      });
      const r = await sim({
        categoryKey: quietKey,
        target: "employee",
        employeeNo: emp.employeeNo,
        sendAt: "2026-11-22T12:00",
      });
      expect(r).toMatchObject({
        action: "defer",
        sentToday: 1,
        explained: { key: "throttled_defer_quiet", values: { limit: 1 } },
      });
      // The next local day starts fresh.
      expect(
        await sim({
          categoryKey: quietKey,
          target: "employee",
          employeeNo: emp.employeeNo,
          sendAt: "2026-11-23T12:00",
        }),
      ).toMatchObject({ action: "send", sentToday: 0 });
    });

    it("simulates anyone in a zone, and urgent mandatory bypasses quiet hours", async () => {
      const r = await sim({
        categoryKey: mandatoryKey,
        target: "zone",
        timeZone: "Asia/Shanghai",
        sendAt: "2026-11-22T23:30",
        preference: "out",
      });
      expect(r).toMatchObject({
        action: "send",
        employee: null,
        deliverAt: "2026-11-22T15:30:00.000Z",
        explained: { key: "urgent_bypass" },
      });
    });

    it("names the field for an unknown employee or zone", async () => {
      await expect(
        sim({
          categoryKey: quietKey,
          target: "employee",
          employeeNo: `X${run}`,
          sendAt: "2026-11-22T23:30",
        }),
      ).rejects.toMatchObject({ status: 404, field: "employeeNo" });
      expect(
        simulateDeliverySchema.safeParse({
          categoryKey: quietKey,
          target: "zone",
          timeZone: "Mars/Olympus",
          sendAt: "2026-11-22T23:30",
        }).error?.issues[0].path,
      ).toEqual(["timeZone"]);
    });
  });

  it("the log counts outcomes per notification, filters, and explains each delivery", async () => {
    const d = await db();
    const category = await d.notificationCategory.findUniqueOrThrow({ where: { key: quietKey } });
    const n = await d.notification.create({
      data: {
        categoryId: category.id,
        categoryVersion: 2,
        title: `Log ${run}`,
        body: "b",
        audience: { recipients: { employeeNos: [emp.employeeNo, other.employeeNo] } },
        requestedBy: `user:${hr.id}`,
        status: "COMPLETED",
        recipientCount: 2,
      },
    });
    await d.notificationDelivery.createMany({
      data: [
        {
          notificationId: n.id,
          employeeId: emp.id,
          status: "DEFERRED",
          reason: "quiet_hours_defer",
          deferredUntil: new Date("2026-11-23T13:00:00Z"),
        },
        {
          notificationId: n.id,
          employeeId: other.id,
          status: "FAILED",
          reason: "no_im_account",
          error: "no account",
        },
      ],
    });
    const page = await listNotifications(
      notificationListSchema.parse({ category: quietKey, status: "COMPLETED" }),
    );
    const row = page.items.find((i) => i.id === n.id);
    expect(row).toMatchObject({
      requestedByName: "李娜",
      categoryKey: quietKey,
      counts: { SENT: 0, DEFERRED: 1, FAILED: 1, SUPPRESSED: 0, QUEUED: 0 },
    });
    expect(
      (await listNotifications(notificationListSchema.parse({ category: optionalKey }))).items.some(
        (i) => i.id === n.id,
      ),
    ).toBe(false);
    expect(
      (await listNotifications(notificationListSchema.parse({ status: "FAILED" }))).items.some(
        (i) => i.id === n.id,
      ),
    ).toBe(false);

    expect((await getNotification(n.id))?.counts).toMatchObject({ DEFERRED: 1, FAILED: 1 });
    const deferred = await listDeliveries(n.id, deliveryFilterSchema.parse({ status: "DEFERRED" }));
    expect(deferred.total).toBe(1);
    expect(deferred.items[0]).toMatchObject({
      employeeNo: emp.employeeNo,
      reasonText: {
        ns: "decision",
        key: "quiet_hours_defer",
        values: { time: "08:00", quietStart: "21:30", timeZone: "America/New_York" },
      },
    });
    const failed = await listDeliveries(n.id, deliveryFilterSchema.parse({ status: "FAILED" }));
    expect(failed.items[0]).toMatchObject({
      employeeNo: other.employeeNo,
      error: "no account",
      reasonText: { ns: "outcome", key: "no_im_account" },
    });

    const mine = await getMyNotifications(emp.id);
    expect(mine.deliveries.find((x) => x.title === `Log ${run}`)).toMatchObject({
      status: "DEFERRED",
      reasonText: { key: "quiet_hours_defer" },
    });
  });

  it("finds employees by 工号 prefix or name", async () => {
    expect((await searchEmployees(emp.employeeNo)).map((e) => e.employeeNo)).toEqual([
      emp.employeeNo,
    ]);
    expect(await searchEmployees("")).toEqual([]);
  });

  it("browses the org tree level by level and finds units by code", async () => {
    const d = await db();
    const root = await d.orgUnit.create({
      data: { code: `R-${run}`, name: `根${run}`, path: `/R-${run}` },
    });
    await d.orgUnit.create({
      data: {
        code: `C-${run}`,
        name: `子${run}`,
        parentId: root.id,
        path: `/R-${run}/C-${run}`,
        depth: 1,
      },
    });
    await d.orgUnit.create({
      data: {
        code: `X-${run}`,
        name: `撤${run}`,
        parentId: root.id,
        path: `/R-${run}/X-${run}`,
        depth: 1,
        active: false,
      },
    });
    expect((await listOrgUnitChildren(null)).find((u) => u.code === `R-${run}`)).toMatchObject({
      hasChildren: true,
      depth: 0,
    });
    expect(await listOrgUnitChildren(`R-${run}`)).toEqual([
      { code: `C-${run}`, name: `子${run}`, nameEn: null, depth: 1, hasChildren: false },
    ]);
    expect((await searchOrgUnits(`c-${run}`)).map((u) => u.code)).toEqual([`C-${run}`]);
  });
});
