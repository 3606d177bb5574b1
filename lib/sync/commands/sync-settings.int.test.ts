import {
  COMPANY_TIME_ZONE_SETTING,
  loadCompanyTimeZone,
} from "@/lib/core/time/load-company-time-zone";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { loadPlanSettings, SYNC_SETTINGS_KEY } from "@/lib/sync/queries/load-plan-settings";
import { getSyncSettings, loadSyncSchedule, saveSyncSettings } from "./sync-settings";

setupTestDb();
const actor = { type: "user" as const, id: "u-it", name: "IT", ip: null };
const ctx = { actor };
const db = async () => (await import("@/lib/core/db")).db;

describe("sync settings", () => {
  beforeAll(async () => {
    const d = await db();
    await d.$executeRawUnsafe(`TRUNCATE "Setting", "AuditLog"`);
  });

  it("reads the defaults when nothing is stored", async () => {
    expect(await getSyncSettings()).toMatchObject({
      schedule: "30 2 * * *",
      timeZone: "Asia/Shanghai",
      terminationDefault: "end_of_day",
      terminationByReason: [],
      deleteAfterDays: 30,
      safetyPercent: 10,
      safetyAbsolute: 50,
    });
  });

  it("saves what the planner and the scheduler then read, keeps operator-only name rules, and audits before and after", async () => {
    const d = await db();
    await d.setting.create({
      data: {
        key: SYNC_SETTINGS_KEY,
        value: { nameRules: { maxLength: 32, forbiddenChars: "/" } },
      },
    });
    const input = {
      schedule: "0 */6 * * *",
      timeZone: "Asia/Singapore",
      createBeforeStartDays: 5,
      terminationLookAheadDays: 21,
      onLeave: "suspend" as const,
      terminationDefault: "immediate" as const,
      terminationByReason: [{ reason: "合同到期", timing: "end_of_day" as const }],
      deleteAfterDays: null,
      safetyPercent: 5,
      safetyAbsolute: 20,
    };
    await saveSyncSettings(input, ctx);
    expect(await loadPlanSettings()).toEqual({
      lifecycle: {
        createBeforeStartDays: 5,
        onLeave: "suspend",
        termination: { default: "immediate", byReason: { 合同到期: "end_of_day" } },
        deleteAfterDays: null,
        terminationLookAheadDays: 21,
      },
      safety: { percent: 5, absolute: 20 },
      timeZone: "Asia/Singapore",
      nameRules: { maxLength: 32, forbiddenChars: "/" },
    });
    expect(await loadSyncSchedule()).toEqual({
      schedule: "0 */6 * * *",
      timeZone: "Asia/Singapore",
    });
    const audit = await d.auditLog.findFirstOrThrow({ where: { action: "sync.settings_updated" } });
    expect(audit).toMatchObject({
      actorId: "u-it",
      targetId: SYNC_SETTINGS_KEY,
      before: { nameRules: { maxLength: 32, forbiddenChars: "/" } },
    });
    expect(audit.after).toMatchObject({
      schedule: "0 */6 * * *",
      safety: { percent: 5, absolute: 20 },
    });

    // The zone is the one company setting every reader shares, audited on its own.
    expect(await loadCompanyTimeZone()).toBe("Asia/Singapore");
    const zoneAudit = await d.auditLog.findFirstOrThrow({
      where: { action: "company.time_zone_updated" },
    });
    expect(zoneAudit).toMatchObject({
      targetId: COMPANY_TIME_ZONE_SETTING,
      before: null,
      after: "Asia/Singapore",
    });
    expect(audit.after).not.toHaveProperty("timeZone");

    await saveSyncSettings({ ...input, schedule: null }, ctx);
    expect((await loadSyncSchedule()).schedule).toBeNull();
    // Saving the same zone again writes no second zone audit.
    expect(await d.auditLog.count({ where: { action: "company.time_zone_updated" } })).toBe(1);
  });

  it("refuses bad input naming the field and writes nothing", async () => {
    const d = await db();
    const before = await d.setting.findUniqueOrThrow({ where: { key: SYNC_SETTINGS_KEY } });
    const audits = await d.auditLog.count();
    const err = await saveSyncSettings(
      {
        ...(await getSyncSettings()),
        updatedAt: undefined,
        updatedBy: undefined,
        timeZone: "Mars/Olympus",
      },
      ctx,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues.map((i) => i.path.join("."))).toContain("timeZone");
    expect(
      (await d.setting.findUniqueOrThrow({ where: { key: SYNC_SETTINGS_KEY } })).value,
    ).toEqual(before.value);
    expect(await d.auditLog.count()).toBe(audits);
  });
});
