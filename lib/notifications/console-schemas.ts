import { z } from "zod";
import { noHostileText } from "@/lib/core/api/rules/no-hostile-text";
import { timeZoneSchema } from "@/lib/notifications/policy-schema";

// Shared with client components: no database imports here.

export const NOTIFICATION_STATUSES = ["QUEUED", "DISPATCHING", "COMPLETED", "FAILED"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Notification statuses the dispatcher is still working on (the log polls fast while any is in one). */
export const ACTIVE_NOTIFICATION_STATUSES: readonly NotificationStatus[] = [
  "QUEUED",
  "DISPATCHING",
];

export const DELIVERY_STATUSES = ["QUEUED", "DEFERRED", "SENT", "SUPPRESSED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const NOTIFICATIONS_PAGE_SIZE = 25;
export const DELIVERIES_PAGE_SIZE = 50;

const emptyToUndefined = (v: string | undefined) => v || undefined;
const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Dates look like 2026-11-22")
  .optional()
  .transform(emptyToUndefined);

/** The log's filters, as they come from the URL (empty values mean "any"). */
export const notificationListSchema = z.object({
  category: z
    .string()
    .max(64)
    .refine(...noHostileText)
    .optional()
    .transform(emptyToUndefined),
  status: z
    .enum([...NOTIFICATION_STATUSES, ""])
    .optional()
    .transform((v) => (v || undefined) as NotificationStatus | undefined),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type NotificationListFilter = z.output<typeof notificationListSchema>;

/** The drill-down's filter. */
export const deliveryFilterSchema = z.object({
  status: z
    .enum([...DELIVERY_STATUSES, ""])
    .optional()
    .transform((v) => (v || undefined) as DeliveryStatus | undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type DeliveryFilter = z.output<typeof deliveryFilterSchema>;

/** An employee opting in or out of one optional category. */
export const setPreferenceSchema = z.object({
  /** The category's key. */
  categoryKey: z
    .string({ error: "Category is required" })
    .trim()
    .min(1, "Category is required")
    .max(64),
  /** true = receive it, false = opt out. */
  optedIn: z.boolean({ error: "Opted in must be true or false" }),
});
export type SetPreferenceInput = z.output<typeof setPreferenceSchema>;

/** "2026-11-22T23:30" as an <input type="datetime-local"> gives it. */
export const localDateTimeSchema = z
  .string({ error: "Send time is required" })
  .regex(
    /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/,
    "Send time must look like 2026-11-22T23:30",
  );

/** The delivery-time simulator: whom (an employee, or anyone in a zone) and when. */
export const simulateDeliverySchema = z.discriminatedUnion("target", [
  z.object({
    /** Category key. */
    categoryKey: z.string().min(1, "Category is required"),
    target: z.literal("employee"),
    /** Employee number (工号); their zone, preference and today's deliveries are loaded. */
    employeeNo: z.string({ error: "Employee is required" }).trim().min(1, "Pick an employee"),
    /** Wall-clock send time in the employee's zone. */
    sendAt: localDateTimeSchema,
  }),
  z.object({
    categoryKey: z.string().min(1, "Category is required"),
    target: z.literal("zone"),
    /** A hypothetical recipient in this zone. */
    timeZone: timeZoneSchema("Time zone"),
    /** Their stored preference: none, in or out. */
    preference: z.enum(["none", "in", "out"]).default("none"),
    /** Notifications of this category they already got today. */
    sentToday: z.coerce
      .number()
      .int("Sent today must be a whole number")
      .min(0, "Sent today cannot be negative")
      .max(10_000)
      .default(0),
    /** Wall-clock send time in `timeZone`. */
    sendAt: localDateTimeSchema,
  }),
]);
export type SimulateDeliveryInput = z.input<typeof simulateDeliverySchema>;

/** Employee search for pickers (name, English name or 工号). */
export const employeeSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(64)
    .refine(...noHostileText)
    .default(""),
});
/** Org-unit search for the compose form's picker (name or code). */
export const orgUnitSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(64)
    .refine(...noHostileText)
    .default(""),
});
/** One level of the org tree (the roots when parentCode is null). */
export const orgUnitChildrenSchema = z.object({
  parentCode: z.string().trim().min(1).max(100).nullable(),
});
