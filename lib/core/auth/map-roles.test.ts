import { describe, expect, it } from "vitest";
import { effectiveRoles, mapRoles } from "./map-roles";

const roleMap = {
  "hr-admins": ["HR_ADMIN" as const],
  "it-admins": ["IT_ADMIN" as const],
  both: ["HR_ADMIN" as const, "IT_ADMIN" as const],
};

describe("mapRoles", () => {
  it.each([
    [["hr-admins"], ["EMPLOYEE", "HR_ADMIN"]],
    [
      ["it-admins", "staff"],
      ["EMPLOYEE", "IT_ADMIN"],
    ],
    [["both"], ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"]],
    ["hr-admins it-admins", ["EMPLOYEE", "HR_ADMIN", "IT_ADMIN"]],
    [[], ["EMPLOYEE"]],
    [undefined, ["EMPLOYEE"]],
    [{ not: "a list" }, ["EMPLOYEE"]],
    [["HR-ADMINS"], ["EMPLOYEE"]],
  ])("groups %j → %j", (groups, expected) => {
    expect(mapRoles({ groups, roleMap })).toEqual(expected);
  });
});

describe("effectiveRoles", () => {
  it("uses the IdP's roles without an override", () => {
    expect(
      effectiveRoles({ idpRoles: ["IT_ADMIN", "EMPLOYEE"], roleOverride: [], overrideSet: false }),
    ).toEqual(["EMPLOYEE", "IT_ADMIN"]);
  });
  it("replaces them with the override, even an empty one", () => {
    expect(
      effectiveRoles({ idpRoles: ["IT_ADMIN"], roleOverride: ["HR_ADMIN"], overrideSet: true }),
    ).toEqual(["HR_ADMIN"]);
    expect(effectiveRoles({ idpRoles: ["IT_ADMIN"], roleOverride: [], overrideSet: true })).toEqual(
      [],
    );
  });
});
