import { describe, expect, it } from "vitest";
import {
  dueScheduledRun,
  syncSettingsSchema,
  type SyncSettingsInput,
} from "./sync-settings-schema";

const valid: SyncSettingsInput = {
  schedule: "30 2 * * *",
  timeZone: "Asia/Shanghai",
  createBeforeStartDays: 3,
  onLeave: "keep",
  terminationLookAheadDays: 14,
  terminationDefault: "end_of_day",
  terminationByReason: [{ reason: "辞退", timing: "immediate" }],
  deleteAfterDays: 30,
  safetyPercent: 10,
  safetyAbsolute: 50,
};

const fieldOf = (input: unknown) => {
  const r = syncSettingsSchema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => i.path.join("."));
};

describe("sync settings schema", () => {
  it("accepts the defaults, no schedule, and never deleting", () => {
    expect(fieldOf(valid)).toBeNull();
    expect(
      fieldOf({ ...valid, schedule: null, deleteAfterDays: null, terminationByReason: [] }),
    ).toBeNull();
  });
  it.each([
    [{ schedule: "every night" }, "schedule"],
    [{ schedule: "61 2 * * *" }, "schedule"],
    [{ timeZone: "China/Beijing" }, "timeZone"],
    [{ timeZone: "" }, "timeZone"],
    [{ createBeforeStartDays: -1 }, "createBeforeStartDays"],
    [{ createBeforeStartDays: 1.5 }, "createBeforeStartDays"],
    [{ safetyPercent: 101 }, "safetyPercent"],
    [{ safetyAbsolute: -3 }, "safetyAbsolute"],
    [{ deleteAfterDays: -1 }, "deleteAfterDays"],
    [{ onLeave: "fire" }, "onLeave"],
    [
      { terminationByReason: [{ reason: " ", timing: "immediate" }] },
      "terminationByReason.0.reason",
    ],
    [
      {
        terminationByReason: [
          { reason: "辞退", timing: "immediate" },
          { reason: "辞退", timing: "end_of_day" },
        ],
      },
      "terminationByReason.1.reason",
    ],
  ])("%j is refused on %s", (patch, field) => {
    expect(fieldOf({ ...valid, ...patch })).toEqual([field]);
  });
  it("refuses unknown fields", () => {
    expect(fieldOf({ ...valid, extra: 1 })).toEqual([""]);
  });
});

describe("dueScheduledRun", () => {
  // 02:30 in Shanghai is 18:30 UTC the day before.
  const at = (iso: string) => new Date(iso);
  it("fires in the tick that contains the scheduled instant, in the company time zone", () => {
    expect(
      dueScheduledRun("30 2 * * *", "Asia/Shanghai", at("2026-11-22T18:30:00Z"))?.toISOString(),
    ).toBe("2026-11-22T18:30:00.000Z");
    expect(
      dueScheduledRun("30 2 * * *", "Asia/Shanghai", at("2026-11-22T18:44:59Z"))?.toISOString(),
    ).toBe("2026-11-22T18:30:00.000Z");
  });
  it("does not fire before, or after the tick that held it", () => {
    expect(dueScheduledRun("30 2 * * *", "Asia/Shanghai", at("2026-11-22T18:29:59Z"))).toBeNull();
    expect(dueScheduledRun("30 2 * * *", "Asia/Shanghai", at("2026-11-22T18:45:00Z"))).toBeNull();
  });
  it("never fires when the schedule is off", () => {
    expect(dueScheduledRun(null, "Asia/Shanghai", at("2026-11-22T18:30:00Z"))).toBeNull();
  });
  it("follows the zone across a DST change (New York, 02:30 does not exist on 2026-03-08)", () => {
    const due = dueScheduledRun("0 3 * * *", "America/New_York", at("2026-03-08T07:05:00Z"));
    expect(due?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });
});
