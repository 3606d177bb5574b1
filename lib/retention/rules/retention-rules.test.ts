import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_DAYS, RETENTION_KINDS } from "../retention-kinds";
import { retentionSettingsSchema } from "../retention-settings-schema";
import { effectiveRetention } from "./effective-retention";
import { retentionCutoff } from "./retention-cutoff";

const now = new Date("2026-06-30T12:00:00.000Z");
const allNull = Object.fromEntries(RETENTION_KINDS.map((k) => [k, null]));

describe("retentionCutoff", () => {
  it.each([
    [1, "2026-06-29T12:00:00.000Z"],
    [14, "2026-06-16T12:00:00.000Z"],
    [365, "2025-06-30T12:00:00.000Z"],
  ])("%i days before %s", (days, cutoff) => {
    expect(retentionCutoff(days, now).toISOString()).toBe(cutoff);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses %s days", (days) => {
    expect(() => retentionCutoff(days, now)).toThrow(RangeError);
  });
});

describe("effectiveRetention", () => {
  it("uses the defaults when nothing is stored, the API log's from the environment", () => {
    const result = effectiveRetention(null, 45);
    expect(result.map((r) => r.kind)).toEqual([...RETENTION_KINDS]);
    for (const r of result) {
      const expected = r.kind === "apiRequestLog" ? 45 : DEFAULT_RETENTION_DAYS[r.kind];
      expect(r).toEqual({ kind: r.kind, defaultDays: expected, setDays: null, days: expected });
    }
  });

  it("prefers the stored value, also over API_LOG_RETENTION_DAYS", () => {
    const result = effectiveRetention({ jobRuns: 3, apiRequestLog: 90 }, 45);
    expect(result.find((r) => r.kind === "jobRuns")).toMatchObject({ setDays: 3, days: 3 });
    expect(result.find((r) => r.kind === "apiRequestLog")).toMatchObject({
      defaultDays: 45,
      setDays: 90,
      days: 90,
    });
  });

  it.each([[0], [3651], [2.5], ["7"], [null], [{}]])(
    "ignores a stored %j it could not honour",
    (value) => {
      const jobRuns = effectiveRetention({ jobRuns: value }, 30).find((r) => r.kind === "jobRuns");
      expect(jobRuns).toMatchObject({ setDays: null, days: 14 });
    },
  );

  it("ignores a stored value that is not an object", () => {
    expect(effectiveRetention([5], 30)[0]).toMatchObject({ setDays: null, days: 14 });
    expect(effectiveRetention("x", 30)[0]).toMatchObject({ setDays: null, days: 14 });
  });
});

describe("retentionSettingsSchema", () => {
  it("accepts null (the default) and whole days within 1–3650", () => {
    expect(retentionSettingsSchema.parse(allNull)).toEqual(allNull);
    expect(retentionSettingsSchema.parse({ ...allNull, auditLog: 3650, jobRuns: 1 })).toMatchObject(
      {
        auditLog: 3650,
        jobRuns: 1,
      },
    );
  });

  it.each([
    ["jobRuns", 0],
    ["jobRuns", 3651],
    ["auditLog", 1.5],
    ["sandboxMessages", "7"],
  ])("refuses %s = %j naming the kind", (kind, value) => {
    const result = retentionSettingsSchema.safeParse({ ...allNull, [kind]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([kind]);
  });

  it("refuses an unknown kind and a missing one", () => {
    expect(retentionSettingsSchema.safeParse({ ...allNull, everything: 3 }).success).toBe(false);
    const { auditLog: _, ...missing } = allNull;
    expect(retentionSettingsSchema.safeParse(missing).error?.issues[0].path).toEqual(["auditLog"]);
  });

  it("refuses keeping children longer than the parent that removes them", () => {
    const longer = retentionSettingsSchema.safeParse({ ...allNull, syncChanges: 200 });
    expect(longer.error?.issues[0]).toMatchObject({
      path: ["syncChanges"],
      params: { maximum: 180 },
    });
    const attempts = retentionSettingsSchema.safeParse({
      ...allNull,
      callbackDeliveries: 10,
      callbackAttempts: 20,
    });
    expect(attempts.error?.issues[0]).toMatchObject({
      path: ["callbackAttempts"],
      params: { maximum: 10 },
    });
    expect(
      retentionSettingsSchema.safeParse({ ...allNull, syncChanges: 200, syncRuns: 200 }).success,
    ).toBe(true);
  });
});
