import { describe, expect, it } from "vitest";
import { evaluateDelivery } from "./evaluate-delivery";
import { explainDecision, explainKey } from "./explain";
import { explainMessages } from "./explain-messages";
import { makePolicy, nightlyQuiet } from "./test-fixtures";

const decide = (
  policy: Parameters<typeof makePolicy>[0],
  now: string,
  extra: { optedIn?: boolean; sent?: number; timeZone?: string } = {},
) =>
  evaluateDelivery({
    policy: makePolicy(policy),
    recipient: { optedIn: extra.optedIn, timeZone: extra.timeZone },
    companyTimeZone: "Asia/Shanghai",
    now: new Date(now),
    sentTodayForCategory: extra.sent ?? 0,
  });

const noon = "2026-07-01T04:00:00Z";
const night = "2026-07-01T15:00:00Z";

describe("explainDecision", () => {
  // prettier-ignore
  it.each([
    ["quiet_hours_defer", decide({ quietHours: nightlyQuiet }, night),
      "Delivered at 08:00 on 2026-07-02 (Asia/Shanghai) because quiet hours 22:00–08:00 defer it.",
      "将于 2026-07-02 08:00（Asia/Shanghai）送达，因为免打扰时段 22:00–08:00 将其推迟。"],
    ["quiet_hours_defer in Kathmandu", decide({ quietHours: nightlyQuiet }, "2026-07-01T17:00:00Z", { timeZone: "Asia/Kathmandu" }),
      "Delivered at 08:00 on 2026-07-02 (Asia/Kathmandu) because quiet hours 22:00–08:00 defer it.",
      "将于 2026-07-02 08:00（Asia/Kathmandu）送达，因为免打扰时段 22:00–08:00 将其推迟。"],
    ["urgent_bypass", decide({ mandatory: true, urgent: true, quietAction: "deliver", quietHours: nightlyQuiet }, night),
      "Sent now, inside quiet hours 22:00–08:00 (Asia/Shanghai), because the category is mandatory and urgent.",
      "已在免打扰时段 22:00–08:00（Asia/Shanghai）内立即发送，因为此类别为紧急必达通知。"],
    ["deliver_now", decide({}, noon), "Sent now: no quiet hours or limits apply.", "已立即发送：不受免打扰时段和频率限制影响。"],
    ["mandatory_override", decide({ mandatory: true }, noon, { optedIn: false }),
      "Sent now: the employee opted out, but this category is mandatory.", "已立即发送：该员工已退订，但此类别为必达通知。"],
    ["opted_out", decide({}, noon, { optedIn: false }), "Not sent: the employee opted out of this optional category.", "未发送：该员工已退订此可选类别。"],
    ["not_opted_in", decide({ defaultOptIn: false }, noon),
      "Not sent: this optional category is off by default and the employee has not opted in.", "未发送：此可选类别默认关闭，且该员工未订阅。"],
    ["throttled_drop", decide({ throttlePerDay: 2, throttleAction: "drop" }, noon, { sent: 2 }),
      "Dropped: the employee already received 2 of at most 2 of these today.", "已丢弃：该员工今天已收到 2 条此类通知，每日上限为 2 条。"],
    ["throttled_defer", decide({ throttlePerDay: 2 }, noon, { sent: 2 }),
      "Delivered at 00:00 on 2026-07-02 (Asia/Shanghai) because today's limit of 2 for this category is reached.",
      "将于 2026-07-02 00:00（Asia/Shanghai）送达，因为今天此类通知已达每日上限 2 条。"],
    ["throttled_defer_quiet", decide({ throttlePerDay: 2, quietHours: nightlyQuiet }, noon, { sent: 2 }),
      "Delivered at 08:00 on 2026-07-02 (Asia/Shanghai) because today's limit of 2 is reached and quiet hours 22:00–08:00 hold it until then.",
      "将于 2026-07-02 08:00（Asia/Shanghai）送达，因为今天已达每日上限 2 条，且免打扰时段 22:00–08:00 将其推迟至此时。"],
  ])("%s", (_key, decision, en, zh) => {
    expect(explainDecision(decision, "en")).toBe(en);
    expect(explainDecision(decision, "zh-CN")).toBe(zh);
  });

  it("gives the UI a key and values instead of a sentence", () => {
    expect(explainKey(decide({ quietHours: nightlyQuiet }, night))).toEqual({
      key: "quiet_hours_defer",
      values: {
        date: "2026-07-02",
        time: "08:00",
        timeZone: "Asia/Shanghai",
        quietStart: "22:00",
        quietEnd: "08:00",
      },
    });
  });

  it("has every key in both languages with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(explainMessages["zh-CN"]).sort()).toEqual(
      Object.keys(explainMessages.en).sort(),
    );
    for (const [key, en] of Object.entries(explainMessages.en)) {
      expect(
        placeholders(explainMessages["zh-CN"][key as keyof typeof explainMessages.en]),
        key,
      ).toEqual(placeholders(en));
    }
  });
});
