import { describe, expect, it } from "vitest";
import { makePolicy, nightlyQuiet } from "@/lib/notifications/rules/test-fixtures";
import { decideRecipients, deferralSlot, type RecipientState } from "./decide-recipients";

// 2026-06-15 15:00 UTC = 23:00 in Shanghai (quiet), 11:00 in New York (not quiet).
const now = new Date("2026-06-15T15:00:00Z");
const row = (over: Partial<RecipientState>): RecipientState => ({
  id: "d1",
  timeZone: "America/New_York",
  optedIn: null,
  hasAccount: true,
  sentToday: 0,
  ...over,
});
const decide = (rows: RecipientState[], policy = makePolicy({ quietHours: nightlyQuiet })) =>
  decideRecipients({
    rows,
    policy,
    companyTimeZone: "Asia/Shanghai",
    now,
    noAccountError: "no account",
  });

describe("decideRecipients", () => {
  const cases: {
    name: string;
    row: Partial<RecipientState>;
    policy?: Parameters<typeof decide>[1];
    expected: object;
  }[] = [
    {
      name: "outside quiet hours → send now",
      row: {},
      expected: { status: "QUEUED", reason: "deliver_now", deferredUntil: null },
    },
    {
      name: "opted out of an optional category → suppressed",
      row: { optedIn: false },
      expected: { status: "SUPPRESSED", reason: "opted_out" },
    },
    {
      name: "quiet hours in Shanghai → deferred to 08:00 local",
      row: { timeZone: "Asia/Shanghai" },
      expected: {
        status: "DEFERRED",
        reason: "quiet_hours_defer",
        deferredUntil: new Date("2026-06-16T00:00:00Z"),
      },
    },
    {
      name: "no zone → company zone (Shanghai, quiet)",
      row: { timeZone: null },
      expected: { status: "DEFERRED", reason: "quiet_hours_defer" },
    },
    {
      name: "no IM account but due now → failed no_im_account",
      row: { hasAccount: false },
      expected: { status: "FAILED", reason: "no_im_account", error: "no account" },
    },
    {
      name: "no IM account but opted out → suppressed (the policy decides first)",
      row: { hasAccount: false, optedIn: false },
      expected: { status: "SUPPRESSED", reason: "opted_out" },
    },
    {
      name: "no IM account but deferred → deferred (checked again when due)",
      row: { hasAccount: false, timeZone: "Asia/Shanghai" },
      expected: { status: "DEFERRED" },
    },
    {
      name: "no longer active (left while deferred) → suppressed employee_inactive",
      row: { active: false },
      expected: { status: "SUPPRESSED", reason: "employee_inactive" },
    },
    {
      name: "throttle reached, drop → suppressed",
      row: { sentToday: 1 },
      policy: makePolicy({ throttlePerDay: 1, throttleAction: "drop" }),
      expected: { status: "SUPPRESSED", reason: "throttled_drop" },
    },
    {
      name: "throttle not reached → send",
      row: { sentToday: 0 },
      policy: makePolicy({ throttlePerDay: 1, throttleAction: "drop" }),
      expected: { status: "QUEUED", reason: "deliver_now" },
    },
    {
      name: "mandatory overrides an opt-out",
      row: { optedIn: false },
      policy: makePolicy({ mandatory: true }),
      expected: { status: "QUEUED", reason: "mandatory_override" },
    },
    {
      name: "urgent mandatory delivers in quiet hours",
      row: { timeZone: "Asia/Shanghai" },
      policy: makePolicy({
        mandatory: true,
        urgent: true,
        quietAction: "deliver",
        quietHours: nightlyQuiet,
      }),
      expected: { status: "QUEUED", reason: "urgent_bypass" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { updates } = decide([row(c.row)], c.policy);
      expect(updates[0]).toMatchObject({ id: "d1", ...c.expected });
    });
  }

  it("counts each outcome", () => {
    const { counts, updates } = decide([
      row({ id: "a" }),
      row({ id: "b", optedIn: false }),
      row({ id: "c", timeZone: "Asia/Shanghai" }),
      row({ id: "d", hasAccount: false }),
      row({ id: "e" }),
    ]);
    expect(counts).toEqual({ send: 2, deferred: 1, suppressed: 1, failed: 1 });
    expect(updates.map((u) => u.id)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("deferralSlot", () => {
  it.each([
    ["2026-06-16T00:00:00.000Z", "2026-06-16T00:00:00.000Z"],
    ["2026-06-16T00:00:00.001Z", "2026-06-16T00:01:00.000Z"],
    ["2026-06-16T00:00:59.999Z", "2026-06-16T00:01:00.000Z"],
  ])("%s → %s (never earlier than allowed)", (at, slot) => {
    expect(deferralSlot(new Date(at)).toISOString()).toBe(slot);
  });
});
