import type { CategoryRow } from "./category-row";
import { notificationPolicySchema, type NotificationPolicy } from "../policy-schema";

/**
 * Read a stored category back into a validated policy. Throws a ZodError when the row no
 * longer satisfies the schema (e.g. a zone removed from the runtime's tz data), so a broken
 * policy is never applied silently.
 */
export function policyFromRow(row: CategoryRow): NotificationPolicy {
  return notificationPolicySchema.parse({
    key: row.key,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    descriptionZh: row.descriptionZh ?? undefined,
    descriptionEn: row.descriptionEn ?? undefined,
    mandatory: row.mandatory,
    urgent: row.urgent,
    defaultOptIn: row.defaultOptIn,
    quietHours: {
      enabled: row.quietEnabled,
      // Rows created without quiet hours carry nulls; the form's defaults stand in.
      start: row.quietStart ?? "22:00",
      end: row.quietEnd ?? "08:00",
      weekdays: row.quietWeekdays,
      timeZone: row.quietTimeZone,
    },
    quietAction: row.quietAction === "DELIVER" ? "deliver" : "defer",
    channel: row.channel,
    fallbackChannel: row.fallbackChannel,
    throttlePerDay: row.throttlePerDay,
    throttleAction: row.throttleAction,
  });
}
