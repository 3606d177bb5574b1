// Notification console: the delivery log, employee search and the org tree; setup in
// notification-console-test-env.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { getMyNotifications } from "./get-my-notifications";
import { getNotification } from "./get-notification";
import { listDeliveries } from "./list-deliveries";
import { listOrgUnitChildren } from "./list-org-unit-children";
import { listNotifications } from "./list-notifications";
import { deliveryFilterSchema, notificationListSchema } from "../console-schemas";
import { searchEmployees } from "./search-employees";
import { searchOrgUnits } from "./search-org-units";
import {
  db,
  hr,
  optionalKey,
  quietKey,
  run,
  setupConsoleWorld,
} from "./notification-console-test-env";

const env = setupConsoleWorld();

describe("notification console", () => {
  let emp: { id: string; employeeNo: string };
  let other: { id: string; employeeNo: string };
  beforeAll(() => {
    ({ emp, other } = env);
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
