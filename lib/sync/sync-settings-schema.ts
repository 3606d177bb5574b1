import { Cron } from "croner";
import { z } from "zod";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";

// The sync settings form and its server action share this schema (no database imports: the client uses it).

const isCron = (expr: string) => {
  try {
    new Cron(expr, { paused: true });
    return true;
  } catch {
    return false;
  }
};

export const terminationTimingSchema = z.enum(["immediate", "end_of_day"]);

export const syncSettingsSchema = z
  .object({
    /** Full sync schedule (cron, company time zone); null = no scheduled full sync. */
    schedule: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .refine((v) => v === null || isCron(v), {
        message: "Schedule: not a valid cron expression (5 fields, e.g. 30 2 * * *)",
        params: { i18n: "cron" },
      }),
    /** The company time zone (Setting company.timeZone, over COMPANY_TIME_ZONE), shared by every reader. */
    timeZone: z
      .string()
      .trim()
      .min(1, "Company time zone is required")
      .refine((tz) => tz === "" || isValidTimeZone(tz), {
        message: "Company time zone: not an IANA time zone name (e.g. Asia/Shanghai)",
        params: { i18n: "companyTimeZone" },
      }),
    createBeforeStartDays: z
      .number({ error: "Days before start must be a number" })
      .int()
      .min(0, "Days before start must be 0 or more")
      .max(60, "Days before start must be at most 60"),
    /** Days ahead a last working day HR announces is scheduled (and shown) before the termination. */
    terminationLookAheadDays: z
      .number({ error: "Termination look-ahead must be a number" })
      .int("Termination look-ahead must be a whole number of days")
      .min(0, "Termination look-ahead must be 0 or more")
      .max(365, "Termination look-ahead must be at most 365"),
    onLeave: z.enum(["keep", "suspend"]),
    terminationDefault: terminationTimingSchema,
    terminationByReason: z
      .array(
        z.object({
          reason: z
            .string()
            .trim()
            .min(1, "Reason is required")
            .max(100, "Reason must be at most 100 characters"),
          timing: terminationTimingSchema,
        }),
      )
      .max(50)
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((r, i) => {
          if (seen.has(r.reason))
            ctx.addIssue({
              code: "custom",
              path: [i, "reason"],
              message: `Reason “${r.reason}” is listed twice`,
              params: { i18n: "reasonTwice", reason: r.reason },
            });
          seen.add(r.reason);
        });
      }),
    /** null = never delete disabled accounts. */
    deleteAfterDays: z
      .number({ error: "Grace period must be a number" })
      .int()
      .min(0, "Grace period must be 0 or more")
      .max(3650)
      .nullable(),
    safetyPercent: z
      .number({ error: "Threshold percent must be a number" })
      .min(0)
      .max(100, "Threshold percent must be at most 100"),
    safetyAbsolute: z
      .number({ error: "Threshold count must be a number" })
      .int()
      .min(0, "Threshold count must be 0 or more"),
  })
  .strict();

export type SyncSettingsInput = z.input<typeof syncSettingsSchema>;
export type SyncSettings = z.output<typeof syncSettingsSchema>;

/** Presets the form offers before "custom". */
export const SCHEDULE_PRESETS = ["30 2 * * *", "0 */6 * * *", "0 * * * *"] as const;

/** How often the scheduler wakes to look for a due full sync; a schedule finer than this fires at most once per tick. */
export const SCHEDULER_TICK_MINUTES = 15;

/**
 * The scheduled instant that fell in (now − tick, now], if any: the scheduler runs every tick and
 * starts a full sync for it (event ids derive from the instant, so a retried tick starts nothing twice).
 */
export function dueScheduledRun(
  schedule: string | null,
  timeZone: string,
  now: Date,
  tickMinutes = SCHEDULER_TICK_MINUTES,
): Date | null {
  if (!schedule) return null;
  const from = new Date(now.getTime() - tickMinutes * 60_000);
  const next = new Cron(schedule, { paused: true, timezone: timeZone }).nextRun(from);
  return next && next.getTime() <= now.getTime() ? next : null;
}
