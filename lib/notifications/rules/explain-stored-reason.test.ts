import { describe, expect, it } from "vitest";
import { explainMessages } from "@/lib/notifications/rules/explain-messages";
import { makePolicy, nightlyQuiet } from "@/lib/notifications/rules/test-fixtures";
import { explainStoredReason, type StoredReasonText } from "./explain-stored-reason";

const fill = (r: StoredReasonText | null) =>
  r?.ns === "decision"
    ? explainMessages.en[r.key].replace(/\{(\w+)\}/g, (_m, n: string) => String(r.values[n]))
    : r;

describe("explainStoredReason", () => {
  const quietPolicy = makePolicy({ quietHours: nightlyQuiet, throttlePerDay: 3 });

  it("nothing decided yet → null", () => {
    expect(
      explainStoredReason({
        code: null,
        deferredUntil: null,
        timeZone: "Asia/Shanghai",
        policy: quietPolicy,
      }),
    ).toBeNull();
  });

  it("quiet-hours deferral reads the window from the policy version and the time in the recipient's zone", () => {
    const r = explainStoredReason({
      code: "quiet_hours_defer",
      deferredUntil: new Date("2026-11-23T00:00:00Z"),
      timeZone: "Asia/Shanghai",
      policy: quietPolicy,
    });
    expect(fill(r)).toBe(
      "Delivered at 08:00 on 2026-11-23 (Asia/Shanghai) because quiet hours 22:00–08:00 defer it.",
    );
  });

  it("a window pinned to a zone is named with that zone", () => {
    const policy = makePolicy({ quietHours: { ...nightlyQuiet, timeZone: "Europe/Berlin" } });
    const r = explainStoredReason({
      code: "quiet_hours_defer",
      deferredUntil: new Date("2026-11-23T07:00:00Z"),
      timeZone: "Asia/Shanghai",
      policy,
    });
    expect(fill(r)).toContain("08:00 on 2026-11-23 (Europe/Berlin)");
  });

  it.each([
    ["2026-11-23T16:00:00Z", "throttled_defer"],
    ["2026-11-24T00:00:00Z", "throttled_defer_quiet"],
  ])("throttled deferral to %s → %s", (until, key) => {
    const r = explainStoredReason({
      code: "throttled_defer",
      deferredUntil: new Date(until),
      timeZone: "Asia/Shanghai",
      policy: quietPolicy,
    });
    expect(r).toMatchObject({ ns: "decision", key, values: { limit: 3 } });
  });

  it.each([
    ["opted_out", "Not sent: the employee opted out of this optional category."],
    ["throttled_drop", "Dropped: the employee already received 3 of at most 3 of these today."],
    ["deliver_now", "Sent now: no quiet hours or limits apply."],
  ])("%s", (code, text) => {
    expect(
      fill(
        explainStoredReason({
          code,
          deferredUntil: null,
          timeZone: "Asia/Shanghai",
          policy: quietPolicy,
        }),
      ),
    ).toBe(text);
  });

  it("dispatch outcomes are not policy decisions", () => {
    expect(
      explainStoredReason({
        code: "no_im_account",
        deferredUntil: null,
        timeZone: "UTC",
        policy: null,
      }),
    ).toEqual({ ns: "outcome", key: "no_im_account", values: { code: "no_im_account" } });
    expect(
      explainStoredReason({
        code: "Weird Code!",
        deferredUntil: null,
        timeZone: "UTC",
        policy: null,
      }),
    ).toMatchObject({ ns: "outcome", key: "unknown" });
    expect(
      explainStoredReason({ code: "new_code", deferredUntil: null, timeZone: "UTC", policy: null }),
    ).toMatchObject({ ns: "outcome", key: "unknown", values: { code: "new_code" } });
  });
});
