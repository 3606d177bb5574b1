// Shared setup of the notification integration tests (notifications, notifications-dispatch): a real
// PostgreSQL, the sandbox IM and a small org with people in and out of quiet hours.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import type { Actor } from "@/lib/core/audit/record-audit";
import { startSandboxIm, type SandboxImServer } from "@/lib/sandbox/im/start-sandbox-im";
import { openImTarget } from "@/lib/connections/engine/open-connection";
import { createSandboxConnections } from "@/lib/testing/create-sandbox-connections";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import type { CategoryInput } from "../category-input-schema";

const creds = { corpId: "ww-notify-test", corpSecret: "notify-test-secret", agentId: 1000002 };
export const actor: Actor = { type: "token", id: "tok-oa", name: "OA" };
export const hr: Actor = { type: "user", id: "u-hr", name: "HR Admin" };
const everyDay = [1, 2, 3, 4, 5, 6, 7];

/** An Etc/GMT zone whose wall clock reads an hour in [from, to) right now (Etc/GMT-8 is UTC+8). */
export function zoneAtLocalHour(from: number, to: number): string {
  const utcHour = new Date().getUTCHours();
  for (let offset = -12; offset <= 14; offset++) {
    const local = (((utcHour + offset) % 24) + 24) % 24;
    if (local >= from && local < to)
      return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  }
  throw new Error("no zone found");
}

export const birthdayPolicy: CategoryInput = {
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

/**
 * Test database, secret key and company time zone; before the file's tests: empty notification
 * tables, the sandbox IM and its connection, units XH > XH-RD > XH-RD-FE (+ XH-HR, XH-RDX) and
 * people N001–N008. `im` and `connectionId` are set once that has run.
 */
export function setupNotificationsEnv() {
  process.env.ORGBRIDGE_SECRET_KEY = randomBytes(32).toString("base64");
  process.env.COMPANY_TIME_ZONE = "Asia/Shanghai";
  setupTestDb();
  const env = {
    im: undefined as SandboxImServer | undefined,
    connectionId: "",
    sent: [] as { name: string; data: { notificationId: string }; id: string }[],
    send: async (name: "notification/requested", data: { notificationId: string }, id: string) => {
      env.sent.push({ name, data, id });
    },
    db: async () => (await import("@/lib/core/db")).db,
    quietZone: zoneAtLocalHour(1, 6),
    dayZone: zoneAtLocalHour(10, 17),
  };
  const { db, dayZone, quietZone } = env;

  beforeAll(async () => {
    let im: SandboxImServer;
    let connectionId: string;
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
    env.im = im;
    env.connectionId = connectionId;
  });
  afterAll(async () => {
    await env.im?.close();
  });
  return env;
}
