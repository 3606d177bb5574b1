import { recordAudit } from "@/lib/core/audit/record-audit";
import { inTransaction, type CommandContext } from "@/lib/core/command-context";
import { db, type Prisma } from "@/lib/core/db";
import { COMPANY_TIME_ZONE_SETTING } from "@/lib/core/time/load-company-time-zone";
import { loadPlanSettings, SYNC_SETTINGS_KEY } from "@/lib/sync/queries/load-plan-settings";
import { syncSettingsSchema, type SyncSettings } from "../sync-settings-schema";

const DEFAULT_SCHEDULE = "30 2 * * *";

/** The scheduled full sync's cron expression (company time zone), or null when switched off. */
export async function loadSyncSchedule(): Promise<{ schedule: string | null; timeZone: string }> {
  const [row, plan] = await Promise.all([
    db.setting.findUnique({ where: { key: SYNC_SETTINGS_KEY } }),
    loadPlanSettings(),
  ]);
  const value = (row?.value ?? {}) as { schedule?: unknown };
  const schedule =
    value.schedule === null
      ? null
      : typeof value.schedule === "string"
        ? value.schedule
        : DEFAULT_SCHEDULE;
  return { schedule, timeZone: plan.timeZone };
}

/** The settings as the form edits them (stored values over the defaults). */
export async function getSyncSettings(): Promise<
  SyncSettings & { updatedAt: Date | null; updatedBy: string | null }
> {
  const [plan, { schedule }, row] = await Promise.all([
    loadPlanSettings(),
    loadSyncSchedule(),
    db.setting.findUnique({ where: { key: SYNC_SETTINGS_KEY } }),
  ]);
  return {
    schedule,
    timeZone: plan.timeZone,
    createBeforeStartDays: plan.lifecycle.createBeforeStartDays,
    terminationLookAheadDays: plan.lifecycle.terminationLookAheadDays,
    onLeave: plan.lifecycle.onLeave,
    terminationDefault: plan.lifecycle.termination.default,
    terminationByReason: Object.entries(plan.lifecycle.termination.byReason).map(
      ([reason, timing]) => ({ reason, timing }),
    ),
    deleteAfterDays: plan.lifecycle.deleteAfterDays,
    safetyPercent: plan.safety.percent,
    safetyAbsolute: plan.safety.absolute,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/**
 * Saves the sync rules the planner and the scheduler read (`sync.options`), audited with before and
 * after. Bad input is refused naming the field, before anything is written.
 */
export async function saveSyncSettings(raw: unknown, ctx: CommandContext): Promise<SyncSettings> {
  const { actor } = ctx;
  const input = syncSettingsSchema.parse(raw);
  const value = {
    schedule: input.schedule,
    lifecycle: {
      createBeforeStartDays: input.createBeforeStartDays,
      terminationLookAheadDays: input.terminationLookAheadDays,
      onLeave: input.onLeave,
      termination: {
        default: input.terminationDefault,
        byReason: Object.fromEntries(input.terminationByReason.map((r) => [r.reason, r.timing])),
      },
      deleteAfterDays: input.deleteAfterDays,
    },
    safety: { percent: input.safetyPercent, absolute: input.safetyAbsolute },
  };
  await inTransaction(ctx, async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: SYNC_SETTINGS_KEY } });
    const kept = (before?.value ?? {}) as Record<string, unknown>;
    // The company zone is one setting every reader shares (notifications, callbacks, sync), not a sync option.
    const zoneBefore = await tx.setting.findUnique({ where: { key: COMPANY_TIME_ZONE_SETTING } });
    if (zoneBefore?.value !== input.timeZone) {
      await tx.setting.upsert({
        where: { key: COMPANY_TIME_ZONE_SETTING },
        create: { key: COMPANY_TIME_ZONE_SETTING, value: input.timeZone, updatedBy: actor.id },
        update: { value: input.timeZone, updatedBy: actor.id },
      });
      await recordAudit(tx, actor, {
        action: "company.time_zone_updated",
        targetType: "setting",
        targetId: COMPANY_TIME_ZONE_SETTING,
        before: zoneBefore?.value ?? null,
        after: input.timeZone,
      });
    }
    // nameRules (set by operators, not this form) survive a save.
    const next = {
      ...(kept.nameRules ? { nameRules: kept.nameRules } : {}),
      ...value,
    } as Prisma.InputJsonValue;
    await tx.setting.upsert({
      where: { key: SYNC_SETTINGS_KEY },
      create: { key: SYNC_SETTINGS_KEY, value: next, updatedBy: actor.id },
      update: { value: next, updatedBy: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "sync.settings_updated",
      targetType: "setting",
      targetId: SYNC_SETTINGS_KEY,
      before: before?.value ?? null,
      after: value,
    });
  });
  return input;
}
