import { z } from "zod";
import { isValidTimeZone } from "@/lib/core/time/is-valid-time-zone";

/** "HH:mm" on a 24-hour clock; `label` names the field in the error. */
export function timeOfDaySchema(label: string) {
  return z
    .string({ error: `${label} is required` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a 24-hour time HH:mm, e.g. 22:00`);
}

/** An IANA time zone name that Intl knows, e.g. Asia/Shanghai; `label` names the field in the error. */
export function timeZoneSchema(label = "Time zone") {
  return z
    .string({ error: `${label} must be a string` })
    .trim()
    .superRefine((zone, ctx) => {
      if (!isValidTimeZone(zone))
        ctx.addIssue({
          code: "custom",
          message: `${label} "${zone}" is not an IANA time zone; use a name such as Asia/Shanghai`,
          params: { i18n: "timeZone", label, zone },
        });
    });
}

export const notificationChannels = ["text", "markdown", "card"] as const;
function channelSchema(label: string) {
  return z.enum(notificationChannels, {
    error: `${label} must be one of ${notificationChannels.join(", ")}`,
  });
}

export const quietHoursSchema = z
  .object({
    /** Whether the window applies at all. */
    enabled: z.boolean({ error: "Quiet hours enabled must be true or false" }),
    /** Local start of the window. */
    start: timeOfDaySchema("Quiet hours start"),
    /** Local end of the window; earlier than start means it ends the next day. */
    end: timeOfDaySchema("Quiet hours end"),
    /** ISO weekdays (1 = Monday … 7 = Sunday) on which the window starts. */
    weekdays: z
      .array(
        z
          .int("Quiet hours weekdays must be whole numbers 1–7")
          .min(1, "Quiet hours weekdays run from 1 (Monday)")
          .max(7, "Quiet hours weekdays run up to 7 (Sunday)"),
      )
      .max(7, "Quiet hours weekdays lists each day at most once"),
    /** Zone whose clock the window follows; null = each employee's own zone. */
    timeZone: timeZoneSchema("Quiet hours time zone").nullable(),
  })
  .superRefine((q, ctx) => {
    if (q.start === q.end) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: "Quiet hours end must differ from start",
        params: { i18n: "quietEndDiffers" },
      });
    }
    if (new Set(q.weekdays).size !== q.weekdays.length) {
      ctx.addIssue({
        code: "custom",
        path: ["weekdays"],
        message: "Quiet hours weekdays lists a day twice",
        params: { i18n: "quietWeekdayTwice" },
      });
    }
    if (q.enabled && q.weekdays.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["weekdays"],
        message: "Quiet hours need at least one weekday when enabled",
        params: { i18n: "quietNeedsWeekday" },
      });
    }
  });

/**
 * A notification category's policy: who may opt out, when not to disturb, how to deliver.
 * Shared by the policy form (react-hook-form + zodResolver) and the server action.
 */
export const notificationPolicySchema = z
  .object({
    /** Stable lowercase slug used by integrations, e.g. "payslip-ready". */
    key: z
      .string({ error: "Key is required" })
      .trim()
      .min(2, "Key must be at least 2 characters")
      .max(64, "Key must be at most 64 characters")
      .regex(
        /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/,
        "Key must be a lowercase slug: letters, digits and single - _ . between them, starting with a letter",
      ),
    /** Chinese display name. */
    nameZh: z
      .string({ error: "Chinese name is required" })
      .trim()
      .min(1, "Chinese name is required")
      .max(80, "Chinese name must be at most 80 characters"),
    /** English display name. */
    nameEn: z
      .string({ error: "English name is required" })
      .trim()
      .min(1, "English name is required")
      .max(80, "English name must be at most 80 characters"),
    /** Chinese description shown to employees on the preferences page. */
    descriptionZh: z
      .string({ error: "Chinese description must be text" })
      .trim()
      .max(500, "Chinese description must be at most 500 characters")
      .optional(),
    /** English description. */
    descriptionEn: z
      .string({ error: "English description must be text" })
      .trim()
      .max(500, "English description must be at most 500 characters")
      .optional(),
    /** Mandatory categories ignore opt-outs and are shown locked to employees. */
    mandatory: z.boolean({ error: "Mandatory must be true or false" }),
    /** Urgent (meaningful only when mandatory): may be delivered during quiet hours. */
    urgent: z.boolean({ error: "Urgent must be true or false" }),
    /** Optional categories: whether employees without a stored preference receive them. */
    defaultOptIn: z.boolean({ error: "Default opt-in must be true or false" }),
    /** When not to disturb. */
    quietHours: quietHoursSchema,
    /** Inside quiet hours: defer to the window's end, or deliver anyway (urgent mandatory only). */
    quietAction: z.enum(["defer", "deliver"], {
      error: "Quiet-hours action must be defer or deliver",
    }),
    /** Message format on the IM platform. */
    channel: channelSchema("Channel"),
    /** Format to retry with when the platform rejects `channel`; null = none. */
    fallbackChannel: channelSchema("Fallback channel").nullable(),
    /** Most notifications of this category one employee gets per local day; null = unlimited. */
    throttlePerDay: z
      .int("Throttle per day must be a whole number")
      .min(1, "Throttle per day must be at least 1 (or empty for no limit)")
      .max(10_000, "Throttle per day must be at most 10000")
      .nullable(),
    /** Over the daily limit: defer to the next local day, or drop. */
    throttleAction: z.enum(["defer", "drop"], { error: "Throttle action must be defer or drop" }),
  })
  .superRefine((p, ctx) => {
    if (p.quietAction === "deliver" && !(p.mandatory && p.urgent)) {
      ctx.addIssue({
        code: "custom",
        path: ["quietAction"],
        message:
          'Quiet-hours action "deliver" is only allowed for mandatory, urgent categories; use "defer"',
        params: { i18n: "quietDeliverOnlyUrgent" },
      });
    }
    if (p.fallbackChannel !== null && p.fallbackChannel === p.channel) {
      ctx.addIssue({
        code: "custom",
        path: ["fallbackChannel"],
        message: "Fallback channel must differ from the channel",
        params: { i18n: "fallbackDiffers" },
      });
    }
  });

export type NotificationPolicy = z.infer<typeof notificationPolicySchema>;
export type QuietHours = z.infer<typeof quietHoursSchema>;
export type NotificationChannel = (typeof notificationChannels)[number];
