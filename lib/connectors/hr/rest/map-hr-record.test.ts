import { describe, expect, it } from "vitest";
import { mapEmployee, mapOrgUnit } from "./map-hr-record";
import { employeeFieldMapSchema, orgUnitFieldMapSchema } from "./rest-hr-schema";

const employees = {
  path: "/e",
  itemsPath: "items",
  fields: employeeFieldMapSchema.parse({
    status: "status",
    hireDate: "hired",
    version: "v",
    updatedAt: "at",
  }),
  statusMap: { X: "on_leave" as const },
};

describe("mapEmployee", () => {
  it.each([
    [{ status: "在职" }, "active"],
    [{ status: "离职" }, "terminated"],
    [{ status: "Terminated" }, "terminated"],
    [{ status: "待入职" }, "onboarding"],
    [{ status: "X" }, "on_leave"],
    [{ status: "something-else" }, "active"],
    [{}, "active"],
  ])("status %j → %s", (record, status) => {
    expect(mapEmployee({ employeeNo: "E1", name: "n", ...record }, employees).status).toBe(status);
  });

  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024-03-05T23:00:00+08:00", "2024-03-05"],
    [1_709_596_800_000, "2024-03-05"],
    ["", undefined],
    ["not a date", undefined],
  ])("hire date %j → %s", (hired, day) => {
    expect(mapEmployee({ employeeNo: "E1", name: "n", hired }, employees).hireDate).toBe(day);
  });

  it.each([
    [{ v: 7 }, 7],
    [{ v: "12" }, 12],
    [{ at: "2024-01-01T00:00:00Z" }, Date.parse("2024-01-01T00:00:00Z")],
    [{}, 0],
  ])("version from %j", (record, version) => {
    expect(mapEmployee({ employeeNo: "E1", name: "n", ...record }, employees).version).toBe(
      version,
    );
  });
});

describe("mapOrgUnit", () => {
  const fields = orgUnitFieldMapSchema.parse({ active: "state" });
  it.each([
    [true, true],
    ["enabled", true],
    ["启用", true],
    [1, true],
    [0, false],
    [false, false],
    ["disabled", false],
    [undefined, true],
  ])("active %j → %s", (state, active) => {
    expect(mapOrgUnit({ code: "A", name: "a", state }, fields).active).toBe(active);
  });
});
