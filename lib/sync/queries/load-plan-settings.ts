import { z } from "zod";
import { db } from "@/lib/core/db";
import { loadCompanyTimeZone } from "@/lib/core/time/load-company-time-zone";
import type { GroupNameRules, LifecycleConfig, SafetyThreshold } from "@/lib/sync/types";

/** The Setting row an admin edits to tune sync (all fields optional; defaults below). */
export const SYNC_SETTINGS_KEY = "sync.options";

export type PlanSettings = {
  lifecycle: LifecycleConfig;
  safety: SafetyThreshold;
  /** Company time zone (the one company setting, lib/core/time) for hire/termination dates. */
  timeZone: string;
  nameRules?: GroupNameRules;
};

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  lifecycle: {
    createBeforeStartDays: 3,
    onLeave: "keep",
    termination: { byReason: {}, default: "end_of_day" },
    deleteAfterDays: 30,
    terminationLookAheadDays: 14,
  },
  safety: { percent: 10, absolute: 50 },
  timeZone: "Asia/Shanghai",
};

const timing = z.enum(["immediate", "end_of_day"]);
const planSettingsSchema = z
  .object({
    lifecycle: z
      .object({
        createBeforeStartDays: z.number().int().min(0),
        onLeave: z.enum(["keep", "suspend"]),
        termination: z
          .object({ byReason: z.record(z.string(), timing), default: timing })
          .partial(),
        deleteAfterDays: z.number().int().min(0).nullable(),
        terminationLookAheadDays: z.number().int().min(0).max(365),
      })
      .partial(),
    safety: z
      .object({ percent: z.number().min(0).max(100), absolute: z.number().int().min(0) })
      .partial(),
    nameRules: z.object({ maxLength: z.number().int().positive(), forbiddenChars: z.string() }),
  })
  .partial();

/** Sync rules from the `sync.options` setting over the defaults; a malformed setting falls back to the defaults. */
export async function loadPlanSettings(): Promise<PlanSettings> {
  const [row, timeZone] = await Promise.all([
    db.setting.findUnique({ where: { key: SYNC_SETTINGS_KEY } }),
    loadCompanyTimeZone(),
  ]);
  const parsed = planSettingsSchema.safeParse(row?.value ?? {});
  const s = parsed.success ? parsed.data : {};
  const d = DEFAULT_PLAN_SETTINGS;
  return {
    lifecycle: {
      ...d.lifecycle,
      ...s.lifecycle,
      termination: { ...d.lifecycle.termination, ...s.lifecycle?.termination },
    },
    safety: { ...d.safety, ...s.safety },
    timeZone,
    ...(s.nameRules ? { nameRules: s.nameRules } : {}),
  };
}
