import { describe, expect, it } from "vitest";
import { evaluateDelivery, type EvaluateDeliveryOptions } from "./evaluate-delivery";
import { makePolicy, nightlyQuiet } from "./test-fixtures";

const SH = "Asia/Shanghai";
const noon = "2026-07-01T04:00:00Z"; // 12:00 in Shanghai, a Wednesday
const night = "2026-07-01T15:00:00Z"; // 23:00 in Shanghai

type Case = {
  name: string;
  policy?: Parameters<typeof makePolicy>[0];
  recipient?: EvaluateDeliveryOptions["recipient"];
  now?: string;
  sent?: number;
  company?: string;
  expected: { action: string; code: string; at?: string; params?: Record<string, unknown> };
};

const mandatoryUrgent = { mandatory: true, urgent: true, quietAction: "deliver" as const };

// prettier-ignore
const cases: Case[] = [
  // Preferences
  { name: "optional, default on, no preference → send", expected: { action: "send", code: "deliver_now" } },
  { name: "optional, opted in → send", recipient: { optedIn: true }, expected: { action: "send", code: "deliver_now" } },
  { name: "optional, opted out → suppress", recipient: { optedIn: false }, expected: { action: "suppress", code: "opted_out" } },
  { name: "optional, default off, no preference → not opted in", policy: { defaultOptIn: false }, expected: { action: "suppress", code: "not_opted_in" } },
  { name: "optional, default off, null preference → not opted in", policy: { defaultOptIn: false }, recipient: { optedIn: null }, expected: { action: "suppress", code: "not_opted_in" } },
  { name: "optional, default off, opted in → send", policy: { defaultOptIn: false }, recipient: { optedIn: true }, expected: { action: "send", code: "deliver_now" } },
  { name: "mandatory ignores opt-out", policy: { mandatory: true }, recipient: { optedIn: false }, expected: { action: "send", code: "mandatory_override" } },
  { name: "mandatory, default off, no preference → send", policy: { mandatory: true, defaultOptIn: false }, expected: { action: "send", code: "deliver_now" } },
  { name: "opted out beats throttle", policy: { throttlePerDay: 1, throttleAction: "drop" }, recipient: { optedIn: false }, sent: 5, expected: { action: "suppress", code: "opted_out" } },
  // Quiet hours
  { name: "quiet, outside window → send", policy: { quietHours: nightlyQuiet }, expected: { action: "send", code: "deliver_now" } },
  { name: "quiet, inside → defer to 08:00 local", policy: { quietHours: nightlyQuiet }, now: night, expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T00:00:00Z", params: { timeZone: SH, quietStart: "22:00", quietEnd: "08:00" } } },
  { name: "quiet disabled, inside times → send", policy: { quietHours: { ...nightlyQuiet, enabled: false } }, now: night, expected: { action: "send", code: "deliver_now" } },
  { name: "mandatory opted-out inside quiet → still deferred", policy: { mandatory: true, quietHours: nightlyQuiet }, recipient: { optedIn: false }, now: night, expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T00:00:00Z" } },
  { name: "urgent mandatory deliver inside → bypass", policy: { ...mandatoryUrgent, quietHours: nightlyQuiet }, now: night, expected: { action: "send", code: "urgent_bypass" } },
  { name: "urgent mandatory deliver outside → plain send", policy: { ...mandatoryUrgent, quietHours: nightlyQuiet }, now: noon, expected: { action: "send", code: "deliver_now" } },
  { name: "urgent mandatory but action defer → defer", policy: { mandatory: true, urgent: true, quietHours: nightlyQuiet }, now: night, expected: { action: "defer", code: "quiet_hours_defer" } },
  { name: "deliver on a non-urgent mandatory category is not honoured", policy: { mandatory: true, quietAction: "deliver", quietHours: nightlyQuiet }, now: night, expected: { action: "defer", code: "quiet_hours_defer" } },
  { name: "deliver on an urgent optional category is not honoured", policy: { urgent: true, quietAction: "deliver", quietHours: nightlyQuiet }, now: night, expected: { action: "defer", code: "quiet_hours_defer" } },
  // Whose clock
  { name: "recipient zone null → company zone", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: null }, now: night, expected: { action: "defer", code: "quiet_hours_defer", params: { timeZone: SH } } },
  { name: "recipient zone invalid → company zone", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Mars/Olympus" }, now: night, expected: { action: "defer", code: "quiet_hours_defer", params: { timeZone: SH } } },
  { name: "recipient in Kolkata: 20:30 local is not quiet", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Asia/Kolkata" }, now: night, expected: { action: "send", code: "deliver_now", params: { timeZone: "Asia/Kolkata" } } },
  { name: "recipient in Kolkata: 22:30 local defers to 08:00 IST", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Asia/Kolkata" }, now: "2026-07-01T17:00:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T02:30:00Z" } },
  { name: "recipient in Kathmandu defers to 08:00 NPT", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Asia/Kathmandu" }, now: "2026-07-01T17:00:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T02:15:00Z" } },
  { name: "recipient in LA at 23:00 PDT", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "America/Los_Angeles" }, now: "2026-07-02T06:00:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T15:00:00Z" } },
  { name: "fixed policy zone beats recipient zone", policy: { quietHours: { ...nightlyQuiet, timeZone: SH } }, recipient: { timeZone: "America/New_York" }, now: night, expected: { action: "defer", code: "quiet_hours_defer", at: "2026-07-02T00:00:00Z", params: { timeZone: SH } } },
  { name: "NY recipient on spring-forward night", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "America/New_York" }, now: "2026-03-08T04:00:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-03-08T12:00:00Z" } },
  { name: "NY recipient on fall-back night, second 01:30", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "America/New_York" }, now: "2026-11-01T06:30:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-11-01T13:00:00Z" } },
  { name: "Berlin recipient on spring-forward night", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Europe/Berlin" }, now: "2026-03-28T23:30:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-03-29T06:00:00Z" } },
  { name: "Sydney recipient on fall-back night", policy: { quietHours: nightlyQuiet }, recipient: { timeZone: "Australia/Sydney" }, now: "2026-04-04T15:30:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-04-04T22:00:00Z" } },
  { name: "weekday window started yesterday (Fri night, now Sat 07:00)", policy: { quietHours: { ...nightlyQuiet, weekdays: [5] } }, now: "2026-03-06T23:00:00Z", expected: { action: "defer", code: "quiet_hours_defer", at: "2026-03-07T00:00:00Z" } },
  { name: "weekday window not started Sat night", policy: { quietHours: { ...nightlyQuiet, weekdays: [5] } }, now: "2026-03-07T15:00:00Z", expected: { action: "send", code: "deliver_now" } },
  // Throttle edges N-1, N, N+1
  { name: "throttle 3: sent 2 → send", policy: { throttlePerDay: 3 }, sent: 2, expected: { action: "send", code: "deliver_now" } },
  { name: "throttle 3: sent 3, drop → suppress", policy: { throttlePerDay: 3, throttleAction: "drop" }, sent: 3, expected: { action: "suppress", code: "throttled_drop", params: { limit: 3, sentToday: 3 } } },
  { name: "throttle 3: sent 4, drop → suppress", policy: { throttlePerDay: 3, throttleAction: "drop" }, sent: 4, expected: { action: "suppress", code: "throttled_drop", params: { limit: 3, sentToday: 4 } } },
  { name: "throttle 3: sent 3, defer → next local midnight", policy: { throttlePerDay: 3 }, sent: 3, expected: { action: "defer", code: "throttled_defer", at: "2026-07-01T16:00:00Z", params: { limit: 3, sentToday: 3, timeZone: SH } } },
  { name: "throttle 3: sent 4, defer → next local midnight", policy: { throttlePerDay: 3 }, sent: 4, expected: { action: "defer", code: "throttled_defer", at: "2026-07-01T16:00:00Z" } },
  { name: "throttle 1: sent 0 → send", policy: { throttlePerDay: 1 }, sent: 0, expected: { action: "send", code: "deliver_now" } },
  { name: "no throttle: any count → send", policy: { throttlePerDay: null }, sent: 10_000, expected: { action: "send", code: "deliver_now" } },
  { name: "throttled defer lands in quiet hours → their end", policy: { throttlePerDay: 1, quietHours: nightlyQuiet }, sent: 1, expected: { action: "defer", code: "throttled_defer", at: "2026-07-02T00:00:00Z", params: { quiet: { timeZone: SH, quietStart: "22:00", quietEnd: "08:00" } } } },
  { name: "throttled defer, quiet hours not covering midnight", policy: { throttlePerDay: 1, quietHours: { ...nightlyQuiet, start: "12:00", end: "13:00" } }, sent: 1, expected: { action: "defer", code: "throttled_defer", at: "2026-07-01T16:00:00Z" } },
  { name: "throttled defer for urgent bypass → midnight", policy: { ...mandatoryUrgent, throttlePerDay: 1, quietHours: nightlyQuiet }, sent: 1, expected: { action: "defer", code: "throttled_defer", at: "2026-07-01T16:00:00Z" } },
  { name: "throttle applies to mandatory too", policy: { mandatory: true, throttlePerDay: 2, throttleAction: "drop" }, sent: 2, expected: { action: "suppress", code: "throttled_drop" } },
  { name: "throttled during quiet hours → next midnight then quiet end", policy: { throttlePerDay: 1, quietHours: nightlyQuiet }, sent: 1, now: night, expected: { action: "defer", code: "throttled_defer", at: "2026-07-02T00:00:00Z" } },
  { name: "throttled in Santiago: skipped midnight → 01:00", policy: { throttlePerDay: 1 }, recipient: { timeZone: "America/Santiago" }, sent: 1, now: "2026-09-05T16:00:00Z", expected: { action: "defer", code: "throttled_defer", at: "2026-09-06T04:00:00Z" } },
  { name: "throttled in NY the evening before fall-back", policy: { throttlePerDay: 1 }, recipient: { timeZone: "America/New_York" }, sent: 1, now: "2026-10-31T20:00:00Z", expected: { action: "defer", code: "throttled_defer", at: "2026-11-01T04:00:00Z" } },
  { name: "throttled in Kathmandu", policy: { throttlePerDay: 1 }, recipient: { timeZone: "Asia/Kathmandu" }, sent: 1, expected: { action: "defer", code: "throttled_defer", at: "2026-07-01T18:15:00Z" } },
];

describe("evaluateDelivery", () => {
  it.each(cases)("$name", (c) => {
    const decision = evaluateDelivery({
      policy: makePolicy(c.policy),
      recipient: c.recipient ?? {},
      companyTimeZone: c.company ?? SH,
      now: new Date(c.now ?? noon),
      sentTodayForCategory: c.sent ?? 0,
    });
    expect(decision.action).toBe(c.expected.action);
    expect(decision.reason.code).toBe(c.expected.code);
    if (c.expected.at) {
      expect(decision.action === "defer" && decision.at.toISOString()).toBe(
        new Date(c.expected.at).toISOString(),
      );
      expect(decision.reason.params).toMatchObject({
        until: new Date(c.expected.at).toISOString(),
      });
    }
    if (decision.action !== "defer") expect(decision).not.toHaveProperty("at");
    if (c.expected.params) expect(decision.reason.params).toMatchObject(c.expected.params);
  });

  it("is pure: same input, same decision; input untouched", () => {
    const policy = makePolicy({ quietHours: nightlyQuiet, throttlePerDay: 2 });
    const snapshot = structuredClone(policy);
    const options = {
      policy,
      recipient: { timeZone: "Europe/Berlin", optedIn: true },
      companyTimeZone: SH,
      now: new Date(night),
      sentTodayForCategory: 1,
    };
    expect(evaluateDelivery(options)).toEqual(evaluateDelivery(options));
    expect(policy).toEqual(snapshot);
  });

  it("never defers into the past or to now", () => {
    const policy = makePolicy({ quietHours: nightlyQuiet, throttlePerDay: 1 });
    const zones = [
      "Asia/Shanghai",
      "America/New_York",
      "Europe/Berlin",
      "Australia/Sydney",
      "Asia/Kathmandu",
      "America/Santiago",
    ];
    const bad: string[] = [];
    for (const timeZone of zones) {
      for (
        let t = Date.parse("2026-03-01T00:00:00Z");
        t < Date.parse("2026-03-01T00:00:00Z") + 40 * 86_400_000;
        t += 97 * 60_000
      ) {
        for (const sent of [0, 1]) {
          const d = evaluateDelivery({
            policy,
            recipient: { timeZone },
            companyTimeZone: SH,
            now: new Date(t),
            sentTodayForCategory: sent,
          });
          if (d.action === "defer" && d.at.getTime() <= t)
            bad.push(`${timeZone} ${new Date(t).toISOString()} ${sent}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
