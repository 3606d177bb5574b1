import { describe, expect, it } from "vitest";
import { hrEmployeeFromRow, type EmployeeMirrorRow } from "./hr-employee-from-row";

const row = (extra: Partial<EmployeeMirrorRow> = {}): EmployeeMirrorRow => ({
  employeeNo: "E1",
  name: "Name E1",
  status: "ACTIVE",
  hireDate: null,
  terminationDate: null,
  terminationReason: null,
  timeZone: "Asia/Kathmandu",
  ...extra,
});

describe("hrEmployeeFromRow", () => {
  it.each([
    ["ONBOARDING", "onboarding"],
    ["ACTIVE", "active"],
    ["ON_LEAVE", "on_leave"],
    ["TERMINATED", "terminated"],
  ])("status %s → %s", (status, expected) => {
    expect(hrEmployeeFromRow(row({ status })).status).toBe(expected);
  });

  it("dates are calendar days; empty values are left out", () => {
    expect(
      hrEmployeeFromRow(
        row({
          hireDate: new Date("2026-03-01T00:00:00Z"),
          terminationDate: new Date("2026-12-31T00:00:00Z"),
          terminationReason: "resigned",
          email: null,
          mobile: "",
          title: "Rep",
          orgUnit: { code: "SALES" },
        }),
      ),
    ).toEqual({
      employeeNo: "E1",
      name: "Name E1",
      status: "active",
      title: "Rep",
      unitCode: "SALES",
      hireDate: "2026-03-01",
      terminationDate: "2026-12-31",
      terminationReason: "resigned",
      timeZone: "Asia/Kathmandu",
    });
  });

  it("a reader that selects no contacts or unit gets none", () => {
    expect(hrEmployeeFromRow(row())).toEqual({
      employeeNo: "E1",
      name: "Name E1",
      status: "active",
      timeZone: "Asia/Kathmandu",
    });
  });
});
