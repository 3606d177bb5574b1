import { describe, expect, it } from "vitest";
import { policyFromRow } from "./policy-from-row";
import { policyToRow } from "./policy-to-row";
import { makePolicy, nightlyQuiet } from "./test-fixtures";

describe("policy ↔ row", () => {
  it.each([
    ["optional", makePolicy()],
    [
      "urgent mandatory with quiet hours",
      makePolicy({
        mandatory: true,
        urgent: true,
        quietAction: "deliver",
        quietHours: { ...nightlyQuiet, timeZone: "Asia/Kolkata", weekdays: [5, 1, 3] },
      }),
    ],
    [
      "throttled, no descriptions",
      makePolicy({
        throttlePerDay: 3,
        throttleAction: "drop",
        descriptionEn: undefined,
        descriptionZh: undefined,
        channel: "card",
        fallbackChannel: "text",
      }),
    ],
  ])("round-trips %s", (_name, policy) => {
    const row = policyToRow(policy);
    const back = policyFromRow(row);
    expect(back).toEqual({
      ...policy,
      quietHours: { ...policy.quietHours, weekdays: [...policy.quietHours.weekdays].sort() },
    });
  });

  it("maps the enum and nulls", () => {
    const row = policyToRow(
      makePolicy({ mandatory: true, urgent: true, quietAction: "deliver", descriptionEn: "" }),
    );
    expect(row).toMatchObject({ quietAction: "DELIVER", descriptionEn: null, quietEnabled: false });
  });

  it("fills never-set quiet times and refuses a row that no longer validates", () => {
    const row = { ...policyToRow(makePolicy()), quietStart: null, quietEnd: null };
    expect(policyFromRow(row).quietHours).toMatchObject({ start: "22:00", end: "08:00" });
    expect(() => policyFromRow({ ...row, quietTimeZone: "Mars/Olympus" })).toThrow(
      /not an IANA time zone/,
    );
  });
});
