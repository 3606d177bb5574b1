import { describe, expect, it } from "vitest";
import { employee } from "./fixtures";
import { resolveTransfer } from "./resolve-transfer";
import type { HrEmployee } from "../types";

const MINUTE = 60_000;

function movedTo(date: string, timeZone?: string, extra: Partial<HrEmployee> = {}): HrEmployee {
  return employee("E1", "OLD", {
    title: "Engineer",
    ...(timeZone ? { timeZone } : {}),
    transfer: { unitCode: "NEW", effectiveDate: date },
    ...extra,
  });
}

describe("resolveTransfer: the effective instant is the start of the day on the employee's clock", () => {
  it.each([
    // Santiago springs forward at midnight on 2026-09-06 (−04 → −03): the day begins at 01:00 −03.
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
    // The day before still starts at 00:00 −04; the day after at 00:00 −03.
    ["America/Santiago", "2026-09-05", "2026-09-05T04:00:00.000Z"],
    ["America/Santiago", "2026-09-07", "2026-09-07T03:00:00.000Z"],
    // Santiago falls back at midnight on 2026-04-05 (−03 → −04): 00:00 happens once, at −04.
    ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00.000Z"],
    // Lord Howe moves by half an hour: +10:30 until 2026-10-04 02:00, +11 after.
    ["Australia/Lord_Howe", "2026-10-04", "2026-10-03T13:30:00.000Z"],
    ["Australia/Lord_Howe", "2026-10-05", "2026-10-04T13:00:00.000Z"],
    // …and back on 2026-04-05 at 02:00 (+11 → +10:30): that day began at +11.
    ["Australia/Lord_Howe", "2026-04-05", "2026-04-04T13:00:00.000Z"],
    ["Australia/Lord_Howe", "2026-04-06", "2026-04-05T13:30:00.000Z"],
    // Kathmandu is +05:45 all year.
    ["Asia/Kathmandu", "2026-12-04", "2026-12-03T18:15:00.000Z"],
  ])("%s %s begins at %s: pending a minute before, in effect from then", (zone, date, iso) => {
    const at = Date.parse(iso);
    const before = resolveTransfer({
      employee: movedTo(date, zone),
      now: new Date(at - MINUTE),
      companyTimeZone: "Asia/Shanghai",
    });
    expect(before.transfer).toEqual({
      state: "pending",
      effectiveAt: new Date(iso),
      fromUnit: "OLD",
      toUnit: "NEW",
      timeZone: zone,
    });
    expect(before.employee.unitCode).toBe("OLD");
    expect(before.employee).not.toHaveProperty("transfer");

    const from = resolveTransfer({
      employee: movedTo(date, zone),
      now: new Date(at),
      companyTimeZone: "Asia/Shanghai",
    });
    expect(from.transfer?.state).toBe("in_effect");
    expect(from.employee.unitCode).toBe("NEW");
  });

  it("reads the date in the company's zone when the employee has none, or an invalid one", () => {
    for (const timeZone of [undefined, "Mars/Olympus"]) {
      const r = resolveTransfer({
        employee: movedTo("2026-12-04", timeZone),
        now: new Date("2026-12-01T00:00:00Z"),
        companyTimeZone: "Asia/Kathmandu",
      });
      expect(r.transfer).toMatchObject({
        effectiveAt: new Date("2026-12-03T18:15:00.000Z"),
        timeZone: "Asia/Kathmandu",
      });
    }
  });
});

describe("resolveTransfer: what the planner sees", () => {
  const now = new Date("2026-12-05T00:00:00Z");
  const resolve = (e: HrEmployee) => resolveTransfer({ employee: e, now, companyTimeZone: "UTC" });

  it("in effect: the new unit, the new title and manager when HR gave them, else the old title", () => {
    expect(
      resolve(
        movedTo("2026-12-05", "UTC", {
          transfer: {
            unitCode: "NEW",
            effectiveDate: "2026-12-05",
            title: "Lead",
            managerNo: "M9",
          },
        }),
      ).employee,
    ).toMatchObject({ unitCode: "NEW", title: "Lead", managerNo: "M9" });
    expect(resolve(movedTo("2026-12-05", "UTC")).employee).toMatchObject({
      unitCode: "NEW",
      title: "Engineer",
    });
  });

  it.each<[string, Partial<HrEmployee>, string]>([
    ["HR already lists the new unit (done)", { unitCode: "NEW" }, "NEW"],
    ["the employee has left", { status: "terminated" }, "OLD"],
    [
      "the date is not a calendar day",
      { transfer: { unitCode: "NEW", effectiveDate: "2026-02-30" } },
      "OLD",
    ],
  ])("ignored when %s", (_, extra, unitCode) => {
    const r = resolve(movedTo("2026-12-01", "UTC", extra));
    expect(r.transfer).toBeNull();
    expect(r.employee).not.toHaveProperty("transfer");
    expect(r.employee.unitCode).toBe(unitCode);
  });

  it("a transfer into a unit from none says so: no fromUnit", () => {
    const r = resolve(movedTo("2026-12-06", "UTC", { unitCode: undefined }));
    expect(r.transfer).toMatchObject({ state: "pending", toUnit: "NEW" });
    expect(r.transfer).not.toHaveProperty("fromUnit");
  });

  it("leaves a record without a transfer as it is", () => {
    const plain = employee("E2", "OLD");
    expect(resolve(plain)).toEqual({ employee: plain, transfer: null });
  });
});
