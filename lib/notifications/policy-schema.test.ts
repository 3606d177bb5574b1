import { describe, expect, it } from "vitest";
import { notificationPolicySchema, type NotificationPolicy } from "./policy-schema";
import { makePolicy, nightlyQuiet } from "./rules/test-fixtures";

type Mutation = (p: NotificationPolicy) => unknown;
const set =
  (patch: Record<string, unknown>): Mutation =>
  (p) => ({ ...p, ...patch });
const setQuiet =
  (patch: Record<string, unknown>): Mutation =>
  (p) => ({ ...p, quietHours: { ...p.quietHours, ...patch } });

describe("notificationPolicySchema accepts", () => {
  it.each<[string, Mutation]>([
    ["the fixture", (p) => p],
    ["quiet hours crossing midnight", setQuiet({ ...nightlyQuiet })],
    ["a same-day window", setQuiet({ enabled: true, start: "12:00", end: "13:30" })],
    ["00:00–23:59", setQuiet({ enabled: true, start: "00:00", end: "23:59" })],
    ["a fixed zone", setQuiet({ timeZone: "Asia/Kathmandu" })],
    ["a three-level zone", setQuiet({ timeZone: "America/Argentina/Buenos_Aires" })],
    ["Etc/GMT-14", setQuiet({ timeZone: "Etc/GMT-14" })],
    ["UTC", setQuiet({ timeZone: "UTC" })],
    ["no weekdays while disabled", setQuiet({ enabled: false, weekdays: [] })],
    [
      "deliver for mandatory urgent",
      set({ mandatory: true, urgent: true, quietAction: "deliver" }),
    ],
    ["urgent without mandatory (ignored, not an error)", set({ urgent: true })],
    ["throttle 1 drop", set({ throttlePerDay: 1, throttleAction: "drop" })],
    ["a fallback channel", set({ channel: "card", fallbackChannel: "text" })],
    ["no descriptions", set({ descriptionZh: undefined, descriptionEn: undefined })],
    ["dotted key", set({ key: "hr.payslip-ready_v2" })],
  ])("%s", (_name, mutate) => {
    const result = notificationPolicySchema.safeParse(mutate(makePolicy()));
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe("notificationPolicySchema rejects", () => {
  // prettier-ignore
  it.each<[string, Mutation, string, RegExp]>([
    ["uppercase key", set({ key: "Payslip" }), "key", /Key must be a lowercase slug/],
    ["key with spaces", set({ key: "pay slip" }), "key", /lowercase slug/],
    ["key starting with a digit", set({ key: "1st-notice" }), "key", /starting with a letter/],
    ["key with double dash", set({ key: "pay--slip" }), "key", /lowercase slug/],
    ["one-letter key", set({ key: "a" }), "key", /at least 2/],
    ["empty Chinese name", set({ nameZh: "  " }), "nameZh", /Chinese name is required/],
    ["missing English name", set({ nameEn: undefined }), "nameEn", /English name/],
    ["long description", set({ descriptionEn: "x".repeat(501) }), "descriptionEn", /at most 500/],
    ["mandatory not boolean", set({ mandatory: "yes" }), "mandatory", /Mandatory must be true or false/],
    ["start 24:00", setQuiet({ start: "24:00" }), "quietHours.start", /Quiet hours start must be a 24-hour time HH:mm/],
    ["start 7:00", setQuiet({ start: "7:00" }), "quietHours.start", /HH:mm/],
    ["end 08:60", setQuiet({ end: "08:60" }), "quietHours.end", /Quiet hours end must be/],
    ["start equals end", setQuiet({ start: "08:00", end: "08:00" }), "quietHours.end", /must differ from start/],
    ["weekday 0", setQuiet({ weekdays: [0, 1] }), "quietHours.weekdays.0", /from 1 \(Monday\)/],
    ["weekday 8", setQuiet({ weekdays: [8] }), "quietHours.weekdays.0", /up to 7 \(Sunday\)/],
    ["weekday 1.5", setQuiet({ weekdays: [1.5] }), "quietHours.weekdays.0", /whole numbers/],
    ["duplicate weekday", setQuiet({ weekdays: [1, 1] }), "quietHours.weekdays", /lists a day twice/],
    ["enabled without weekdays", setQuiet({ enabled: true, weekdays: [] }), "quietHours.weekdays", /at least one weekday/],
    ["unknown zone", setQuiet({ timeZone: "Mars/Olympus" }), "quietHours.timeZone", /Quiet hours time zone "Mars\/Olympus" is not an IANA time zone/],
    ["misspelt zone", setQuiet({ timeZone: "Asia/Shanghia" }), "quietHours.timeZone", /not an IANA time zone/],
    ["offset instead of zone", setQuiet({ timeZone: "+08:00" }), "quietHours.timeZone", /not an IANA time zone/],
    ["UTC+8", setQuiet({ timeZone: "UTC+8" }), "quietHours.timeZone", /not an IANA time zone/],
    ["empty zone", setQuiet({ timeZone: "" }), "quietHours.timeZone", /not an IANA time zone/],
    ["zone as number", setQuiet({ timeZone: 8 }), "quietHours.timeZone", /must be a string/],
    ["deliver on optional", set({ quietAction: "deliver" }), "quietAction", /only allowed for mandatory, urgent/],
    ["deliver on mandatory non-urgent", set({ mandatory: true, quietAction: "deliver" }), "quietAction", /only allowed for mandatory, urgent/],
    ["deliver on urgent optional", set({ urgent: true, quietAction: "deliver" }), "quietAction", /only allowed/],
    ["unknown quiet action", set({ quietAction: "skip" }), "quietAction", /defer or deliver/],
    ["unknown channel", set({ channel: "sms" }), "channel", /Channel must be one of text, markdown, card/],
    ["fallback same as channel", set({ channel: "text", fallbackChannel: "text" }), "fallbackChannel", /must differ/],
    ["throttle 0", set({ throttlePerDay: 0 }), "throttlePerDay", /at least 1/],
    ["throttle 2.5", set({ throttlePerDay: 2.5 }), "throttlePerDay", /whole number/],
    ["unknown throttle action", set({ throttleAction: "queue" }), "throttleAction", /defer or drop/],
  ])("%s", (_name, mutate, path, message) => {
    const result = notificationPolicySchema.safeParse(mutate(makePolicy()));
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join(".") === path);
    expect(issue, `issues: ${JSON.stringify(result.error!.issues.map((i) => [i.path.join("."), i.message]))}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});
