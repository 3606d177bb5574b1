// Notification console: preferences, /me, category detail and delivery simulation; setup in
// notification-console-test-env.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { getCategory } from "./get-category";
import { getMyNotifications } from "./get-my-notifications";
import { simulateDeliverySchema } from "../console-schemas";
import { setPreference } from "../commands/set-preference";
import { simulateDelivery } from "./simulate-delivery";
import {
  archivedKey,
  db,
  hr,
  mandatoryKey,
  optionalKey,
  quietKey,
  run,
  setupConsoleWorld,
} from "./notification-console-test-env";

const env = setupConsoleWorld();

describe("notification console", () => {
  let emp: { id: string; employeeNo: string };
  let other: { id: string; employeeNo: string };
  let optionalId: string;
  beforeAll(() => {
    ({ emp, other, optionalId } = env);
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
});
