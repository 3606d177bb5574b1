import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { setupTestDb } from "@/lib/testing/setup-test-db";
import { getRetentionSettings } from "../queries/get-retention-settings";
import { getStorageStats } from "../queries/get-storage-stats";
import { RETENTION_KINDS, RETENTION_SETTING_KEY } from "../retention-kinds";
import { pruneKind } from "../engine/prune-kind";
import { requestPrune } from "./request-prune";
import { saveRetentionSettings } from "./save-retention-settings";

setupTestDb();

const allNull = Object.fromEntries(RETENTION_KINDS.map((k) => [k, null]));
const itAdmin = () => ({
  type: "user" as const,
  id: `it-${randomUUID()}`,
  name: "IT",
  roles: ["EMPLOYEE", "IT_ADMIN"] as const,
});
const audits = (actorId: string) =>
  db.auditLog.findMany({ where: { actorId }, orderBy: { createdAt: "asc" } });

describe("retention settings", () => {
  it("an IT admin's change is stored, audited with before and after, and takes effect", async () => {
    const actor = itAdmin();
    await saveRetentionSettings({ ...allNull, jobRuns: 3, apiRequestLog: 60 }, { actor });
    await saveRetentionSettings({ ...allNull, jobRuns: 5 }, { actor });

    const { kinds, updatedBy } = await getRetentionSettings();
    expect(updatedBy).toBe(actor.id);
    expect(kinds.find((k) => k.kind === "jobRuns")).toMatchObject({
      defaultDays: 14,
      setDays: 5,
      days: 5,
    });
    expect(kinds.find((k) => k.kind === "apiRequestLog")).toMatchObject({
      setDays: null,
      days: 30,
    });
    const rows = await audits(actor.id);
    expect(rows.map((r) => r.action)).toEqual([
      "retention.settings_updated",
      "retention.settings_updated",
    ]);
    expect(rows[1]).toMatchObject({
      targetId: RETENTION_SETTING_KEY,
      before: { jobRuns: 3, apiRequestLog: 60 },
      after: { jobRuns: 5 },
    });
  });

  it("refuses an HR admin and an employee, writing nothing", async () => {
    const before = await db.setting.findUnique({ where: { key: RETENTION_SETTING_KEY } });
    for (const roles of [["HR_ADMIN", "EMPLOYEE"], ["EMPLOYEE"]] as const) {
      const actor = { type: "user" as const, id: `no-${randomUUID()}`, roles };
      const err = await saveRetentionSettings({ ...allNull, auditLog: 1 }, { actor }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 403 });
      expect(await audits(actor.id)).toHaveLength(0);
      await expect(requestPrune({}, { actor }, async () => undefined)).rejects.toMatchObject({
        status: 403,
      });
    }
    const after = await db.setting.findUnique({ where: { key: RETENTION_SETTING_KEY } });
    expect(after?.value).toEqual(before?.value);
  });

  it("refuses out-of-bounds days naming the kind, writing nothing", async () => {
    const actor = itAdmin();
    const err = await saveRetentionSettings({ ...allNull, auditLog: 0 }, { actor }).catch((e) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0].path).toEqual(["auditLog"]);
    expect(await audits(actor.id)).toHaveLength(0);
  });

  it("prune now queues the maintenance event after its audit row", async () => {
    const actor = itAdmin();
    const sent: { name: string; id: string }[] = [];
    const { eventId } = await requestPrune({}, { actor }, async (name, _data, id) => {
      expect(await audits(actor.id)).toHaveLength(1);
      sent.push({ name, id });
    });
    expect(sent).toEqual([{ name: "system/maintenance.requested", id: eventId }]);
    const [row] = await audits(actor.id);
    expect(row).toMatchObject({ action: "retention.prune_requested", targetId: eventId });
  });
});

describe("storage stats", () => {
  it("lists each kind's tables with rows and size, the oldest record and the last prune", async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await db.auditLog.create({
      data: {
        actorType: "system",
        actorId: "stats",
        action: "stats.test",
        targetType: "x",
        createdAt: old,
      },
    });
    // The first prune clears old messages other test files left; the second finds nothing and records that.
    await pruneKind({ kind: "sandboxMessages", days: 7 });
    await pruneKind({ kind: "sandboxMessages", days: 7 });

    const { tables, kinds } = await getStorageStats();

    const audit = tables.find((t) => t.table === "AuditLog")!;
    expect(audit.rows).toBeGreaterThanOrEqual(1);
    expect(audit.estimated).toBe(false);
    expect(audit.bytes).toBeGreaterThan(0);
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(["JobRun", "JobStep", "CallbackEvent"]),
    );
    const auditKind = kinds.find((k) => k.kind === "auditLog")!;
    expect(auditKind.oldest?.getTime()).toBeLessThanOrEqual(old.getTime());
    expect(kinds.find((k) => k.kind === "sandboxMessages")!.lastPrune).toMatchObject({
      removed: 0,
      complete: true,
      error: null,
    });
    expect(kinds.map((k) => k.kind)).toEqual([...RETENTION_KINDS]);
    await db.auditLog.deleteMany({ where: { actorId: "stats", action: "stats.test" } });
  });
});
