import type { CategoryRow } from "./category-row";
import type { NotificationPolicy } from "../policy-schema";

/** The column values to write for a validated policy (create or update data). */
export function policyToRow(policy: NotificationPolicy): CategoryRow {
  return {
    key: policy.key,
    nameZh: policy.nameZh,
    nameEn: policy.nameEn,
    descriptionZh: policy.descriptionZh || null,
    descriptionEn: policy.descriptionEn || null,
    mandatory: policy.mandatory,
    urgent: policy.urgent,
    defaultOptIn: policy.defaultOptIn,
    quietEnabled: policy.quietHours.enabled,
    quietStart: policy.quietHours.start,
    quietEnd: policy.quietHours.end,
    quietWeekdays: [...policy.quietHours.weekdays].sort((a, b) => a - b),
    quietTimeZone: policy.quietHours.timeZone,
    quietAction: policy.quietAction === "deliver" ? "DELIVER" : "DEFER",
    channel: policy.channel,
    fallbackChannel: policy.fallbackChannel,
    throttlePerDay: policy.throttlePerDay,
    throttleAction: policy.throttleAction,
  };
}
