import type { DeliveryReasonCode } from "./evaluate-delivery";

export type ExplainLocale = "zh-CN" | "en";

/** Message keys: one per reason code, plus the quiet-hours variant of a throttled deferral. */
export type ExplainMessageKey = DeliveryReasonCode | "throttled_defer_quiet";

/**
 * Sentences for each decision, in ICU placeholder syntax so next-intl can use them as they are
 * (merge under the `notify.decision` namespace). Times are the recipient's (or window's) local.
 */
export const explainMessages: Record<ExplainLocale, Record<ExplainMessageKey, string>> = {
  en: {
    deliver_now: "Sent now: no quiet hours or limits apply.",
    mandatory_override: "Sent now: the employee opted out, but this category is mandatory.",
    urgent_bypass:
      "Sent now, inside quiet hours {quietStart}–{quietEnd} ({timeZone}), because the category is mandatory and urgent.",
    quiet_hours_defer:
      "Delivered at {time} on {date} ({timeZone}) because quiet hours {quietStart}–{quietEnd} defer it.",
    opted_out: "Not sent: the employee opted out of this optional category.",
    not_opted_in:
      "Not sent: this optional category is off by default and the employee has not opted in.",
    throttled_drop:
      "Dropped: the employee already received {sentToday} of at most {limit} of these today.",
    throttled_defer:
      "Delivered at {time} on {date} ({timeZone}) because today's limit of {limit} for this category is reached.",
    throttled_defer_quiet:
      "Delivered at {time} on {date} ({timeZone}) because today's limit of {limit} is reached and quiet hours {quietStart}–{quietEnd} hold it until then.",
  },
  "zh-CN": {
    deliver_now: "已立即发送：不受免打扰时段和频率限制影响。",
    mandatory_override: "已立即发送：该员工已退订，但此类别为必达通知。",
    urgent_bypass:
      "已在免打扰时段 {quietStart}–{quietEnd}（{timeZone}）内立即发送，因为此类别为紧急必达通知。",
    quiet_hours_defer:
      "将于 {date} {time}（{timeZone}）送达，因为免打扰时段 {quietStart}–{quietEnd} 将其推迟。",
    opted_out: "未发送：该员工已退订此可选类别。",
    not_opted_in: "未发送：此可选类别默认关闭，且该员工未订阅。",
    throttled_drop: "已丢弃：该员工今天已收到 {sentToday} 条此类通知，每日上限为 {limit} 条。",
    throttled_defer:
      "将于 {date} {time}（{timeZone}）送达，因为今天此类通知已达每日上限 {limit} 条。",
    throttled_defer_quiet:
      "将于 {date} {time}（{timeZone}）送达，因为今天已达每日上限 {limit} 条，且免打扰时段 {quietStart}–{quietEnd} 将其推迟至此时。",
  },
};
