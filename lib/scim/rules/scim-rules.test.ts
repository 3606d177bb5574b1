import { describe, expect, it } from "vitest";
import { ScimError } from "../scim-error";
import { ENTERPRISE_SCHEMA as ENT, PATCH_SCHEMA } from "../types";
import { applyScimPatch } from "./apply-scim-patch";
import { compileScimFilter } from "./compile-scim-filter";
import { filterView } from "./filter-view";
import { ifMatchSatisfied } from "./if-match-satisfied";
import { matchDepartment } from "./match-department";
import { parseScimBody } from "./parse-scim-body";
import { projectAttributes } from "./project-attributes";
import { readListParams } from "./read-list-params";
import { readScimUser } from "./read-scim-user";
import { toHrEmployee } from "./to-hr-employee";

const scimError = (fn: () => unknown): { status: number; scimType?: string } => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScimError) return { status: err.status, scimType: err.scimType };
    throw err;
  }
  throw new Error("expected a ScimError");
};

describe("matchDepartment", () => {
  const units = [
    { code: "RD", name: "研发中心", active: true },
    { code: "OPS", name: "Operations", active: true },
    { code: "OLD", name: "Legacy", active: false },
    { code: "S1", name: "Sales", active: true },
    { code: "S2", name: "sales", active: true },
  ];
  it.each([
    ["RD", undefined, { unitCode: "RD", by: "code" }],
    ["研发中心", undefined, { unitCode: "RD", by: "name" }],
    ["  operations ", undefined, { unitCode: "OPS", by: "name" }],
    ["OLD", undefined, { unitCode: undefined, reason: "unmatched" }],
    ["Sales", undefined, { unitCode: undefined, reason: "ambiguous" }],
    ["Marketing", undefined, { unitCode: undefined, reason: "unmatched" }],
    [undefined, undefined, { unitCode: undefined, reason: "none" }],
    ["Marketing", "OPS", { unitCode: "OPS", by: "fallback" }],
    ["Marketing", "OLD", { unitCode: undefined, reason: "unmatched" }],
  ] as const)("department %j (fallback %j) → %j", (department, fallback, expected) => {
    expect(matchDepartment(department, units, fallback)).toEqual(expected);
  });
});

describe("toHrEmployee", () => {
  const base = { userName: "ann@x.example", active: true };
  it.each([
    [
      "display name wins",
      { ...base, displayName: "Ann B", name: { givenName: "Ann", familyName: "C" } },
      { name: "Ann B" },
    ],
    [
      "formatted next",
      { ...base, name: { formatted: "Ann Formatted", givenName: "Ann" } },
      { name: "Ann Formatted" },
    ],
    [
      "given + family",
      { ...base, name: { givenName: "Ann", familyName: "Lee" } },
      { name: "Ann Lee" },
    ],
    ["userName last", base, { name: "ann@x.example" }],
    [
      "work e-mail, mobile phone",
      {
        ...base,
        emails: [
          { value: "h@x", type: "home" },
          { value: "w@x", type: "work" },
        ],
        phoneNumbers: [
          { value: "1", type: "work" },
          { value: "2", type: "mobile" },
        ],
      },
      { email: "w@x", mobile: "2" },
    ],
    [
      "primary e-mail when no work one",
      {
        ...base,
        emails: [
          { value: "a@x", type: "other" },
          { value: "p@x", primary: true },
        ],
      },
      { email: "p@x" },
    ],
    ["deactivated is on leave", { ...base, active: false }, { status: "on_leave" }],
    ["locale from preferredLanguage", { ...base, preferredLanguage: "en_US" }, { locale: "en-US" }],
  ])("%s", (_, user, expected) => {
    expect(toHrEmployee({ user, employeeNo: "E1", version: 7 })).toMatchObject({
      employeeNo: "E1",
      version: 7,
      ...expected,
    });
  });
  it("a DELETE is a leaver on that day; nobody manages themselves", () => {
    expect(
      toHrEmployee({
        user: base,
        employeeNo: "E1",
        version: 1,
        deletedOn: "2026-12-02",
        managerNo: "E1",
        unitCode: "RD",
      }),
    ).toEqual({
      employeeNo: "E1",
      name: "ann@x.example",
      status: "terminated",
      version: 1,
      unitCode: "RD",
      terminationDate: "2026-12-02",
      terminationReason: "Deleted by the SCIM client",
    });
  });
});

describe("readScimUser", () => {
  it("keeps the stored attributes, coerces Entra's string booleans, takes a bare manager id", () => {
    const u = readScimUser({
      UserName: "a@x",
      active: "False",
      roles: [],
      [ENT.toLowerCase()]: { Department: "RD", manager: "m1" },
    });
    expect(u).toEqual({
      userName: "a@x",
      active: false,
      enterprise: { department: "RD", manager: { value: "m1" } },
    });
  });
  it.each([
    [{ userName: "" }, "invalidValue"],
    [{ userName: "a", emails: [{ value: 1 }] }, "invalidValue"],
    [{ userName: "a", password: "x" }, "mutability"],
    [{ userName: "a", [ENT]: { employeeNumber: ["E1"] } }, "invalidValue"],
  ])("refuses %j as %s", (input, scimType) => {
    expect(scimError(() => readScimUser(input))).toEqual({ status: 400, scimType });
  });
});

describe("compileScimFilter", () => {
  const view = filterView({
    id: "Id1",
    userName: "Ann@X",
    externalId: "Ext",
    emails: [{ type: "work", value: "A@x" }],
    meta: { lastModified: "2026-12-02T10:00:00.000Z" },
  }) as Record<string, unknown>;
  it.each([
    ['userName eq "ann@x"', true],
    ['USERNAME eq "ANN@X"', true],
    ['externalId eq "ext"', false],
    ['externalId eq "Ext"', true],
    ['userName co "@" and emails[type eq "work"].value sw "a@"', true],
    ['userName eq "b" or id eq "Id1"', true],
    ["title pr", false],
    ['not (userName eq "ann@x")', false],
    ['meta.lastModified gt "2026-01-01T00:00:00Z"', true],
    ['meta.lastModified gt "2027-01-01T00:00:00Z"', false],
  ])("%s → %s", (f, expected) => {
    expect(compileScimFilter(f, "userName").test(view)).toBe(expected);
  });
  it("names the indexed equality it can narrow by", () => {
    expect(compileScimFilter('userName eq "Ann"', "userName").narrowing).toEqual({
      attribute: "nameKey",
      value: "ann",
    });
    expect(compileScimFilter('externalId eq "E" and active eq true', "userName").narrowing).toEqual(
      { attribute: "externalId", value: "E" },
    );
    expect(
      compileScimFilter('userName eq "a" or userName eq "b"', "userName").narrowing,
    ).toBeUndefined();
  });
  it.each(["userName eq", 'userName zz "a"', "", "x".repeat(1001)])(
    "refuses %j as invalidFilter",
    (f) => {
      expect(scimError(() => compileScimFilter(f, "userName"))).toEqual({
        status: 400,
        scimType: "invalidFilter",
      });
    },
  );
});

describe("applyScimPatch", () => {
  const doc = {
    schemas: ["s"],
    id: "u1",
    userName: "a",
    active: true,
    name: { givenName: "A", familyName: "B" },
    [ENT]: { department: "RD" },
  };
  const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_SCHEMA], Operations });
  it("merges a path-less value per attribute (Okta), with URN and dotted keys (Entra)", () => {
    const out = applyScimPatch(
      doc,
      patch({
        op: "Replace",
        value: {
          active: false,
          "name.givenName": "Z",
          [`${ENT}:department`]: "HQ",
          name: { familyName: "Q" },
        },
      }),
    );
    expect(out).toMatchObject({
      active: false,
      name: { givenName: "Z", familyName: "Q" },
      [ENT]: { department: "HQ" },
    });
  });
  it.each([
    [[{ op: "replace", path: "meta.created", value: "x" }], "mutability"],
    [[{ op: "replace", value: { id: "other" } }], "mutability"],
    [[{ op: "remove" }], "noTarget"],
    [[{ op: "add", path: "title" }], "invalidValue"],
    [[{ op: "copy", path: "title", value: "x" }], "invalidSyntax"],
    [[{ op: "replace", path: "emails[type eq", value: "x" }], "invalidPath"],
    [[{ op: "remove", path: "members", value: [{ value: 'x" or "1' }] }], "invalidValue"],
    [[], "invalidSyntax"],
  ])("refuses %j as %s", (ops, scimType) => {
    expect(scimError(() => applyScimPatch(doc, patch(...ops)))).toMatchObject({
      status: 400,
      scimType,
    });
  });
  it("needs the PatchOp schema", () => {
    expect(
      scimError(() =>
        applyScimPatch(doc, { Operations: [{ op: "replace", path: "title", value: "x" }] }),
      ),
    ).toEqual({ status: 400, scimType: "invalidSyntax" });
  });
});

describe("projectAttributes, readListParams, ifMatchSatisfied, parseScimBody", () => {
  const r = {
    schemas: ["s"],
    id: "1",
    userName: "a",
    name: { givenName: "G", familyName: "F" },
    emails: [{ value: "e", type: "work" }],
    meta: { version: 'W/"1"' },
  };
  it("attributes keeps only the named ones plus schemas and id; excludedAttributes drops", () => {
    expect(projectAttributes(r, "NAME.givenName,emails.value", null)).toEqual({
      schemas: ["s"],
      id: "1",
      name: { givenName: "G" },
      emails: [{ value: "e" }],
    });
    expect(projectAttributes(r, null, "name,meta,id")).toEqual({
      schemas: ["s"],
      id: "1",
      userName: "a",
      emails: r.emails,
    });
  });
  it("clamps startIndex and count as RFC 7644 asks", () => {
    expect(readListParams(new URLSearchParams("startIndex=0&count=-5"))).toMatchObject({
      startIndex: 1,
      count: 0,
    });
    expect(readListParams(new URLSearchParams("count=100000"))).toMatchObject({
      startIndex: 1,
      count: 500,
    });
    expect(scimError(() => readListParams(new URLSearchParams("startIndex=1.5")))).toEqual({
      status: 400,
      scimType: "invalidValue",
    });
  });
  it.each([
    [null, 3, true],
    ["*", 3, true],
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['W/"2", W/"3"', 3, true],
    ['W/"2"', 3, false],
  ])("If-Match %j against version %d → %s", (header, version, ok) => {
    expect(ifMatchSatisfied(header, version)).toBe(ok);
  });
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["text/plain", '{"a":1}', 415, undefined],
    ["application/json", "[1]", 400, "invalidSyntax"],
    ["application/scim+json; charset=utf-8", '{"a":"\\u0000"}', 400, "invalidValue"],
    [
      "application/scim+json",
      '{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":{"k":{}}}}}}}}}}}}',
      400,
      "invalidSyntax",
    ],
  ])("%s %s → %d", (type, body, status, scimType) => {
    expect(scimError(() => parseScimBody(type, bytes(body)))).toEqual({ status, scimType });
  });
  it("reads a SCIM JSON object", () => {
    expect(parseScimBody("application/scim+json", bytes('{"userName":"李雷"}'))).toEqual({
      userName: "李雷",
    });
  });
});
