import { describe, expect, it } from "vitest";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors/types";
import type { HrRecords, MirrorEmployee, MirrorUnit } from "../hr-directory-types";
import { diffHrDirectory } from "./diff-hr-directory";

const unit = (code: string, more: Partial<HrOrgUnit> = {}): HrOrgUnit => ({
  code,
  name: `Unit ${code}`,
  active: true,
  version: 1,
  ...more,
});
const person = (employeeNo: string, more: Partial<HrEmployee> = {}): HrEmployee => ({
  employeeNo,
  name: `Person ${employeeNo}`,
  status: "active",
  version: 1,
  ...more,
});
const records = (units: HrOrgUnit[], employees: HrEmployee[]): HrRecords => ({
  units: new Map(units.map((u) => [u.code, u])),
  employees: new Map(employees.map((e) => [e.employeeNo, e])),
});
function ids(prefix = "id") {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** The mirror one source's full pull of `rec` leaves behind. */
function mirrorOf(rec: HrRecords, source: string | null) {
  const { writes } = diffHrDirectory({
    full: true,
    newerOnly: false,
    records: rec,
    mirror: { units: [], employees: [] },
    newId: ids(source ?? "none"),
    source,
  });
  const units: MirrorUnit[] = writes.unitCreates.map((u) => ({
    ...u,
    parentId: null,
    managerId: null,
  }));
  const employees: MirrorEmployee[] = writes.employeeCreates.map((e) => ({
    ...e,
    managerId: null,
  }));
  return { units, employees };
}

const hrPull = records([unit("HQ")], [person("E1", { unitCode: "HQ", email: "Ann@x.example" })]);

describe("diffHrDirectory with several sources", () => {
  it("new rows record the source that created them", () => {
    const m = mirrorOf(hrPull, "hr");
    expect(m.units.map((u) => u.sourceConnectionId)).toEqual(["hr"]);
    expect(m.employees.map((e) => e.sourceConnectionId)).toEqual(["hr"]);
  });

  it("a full pull of one source never retires another source's employees or units", () => {
    const mirror = {
      units: [
        ...mirrorOf(hrPull, "hr").units,
        ...mirrorOf(records([unit("S1")], []), "scim").units,
      ],
      employees: [
        ...mirrorOf(hrPull, "hr").employees,
        ...mirrorOf(records([], [person("S-9")]), "scim").employees,
      ],
    };
    const { result, writes } = diffHrDirectory({
      full: true,
      newerOnly: false,
      records: records([], []),
      mirror,
      newId: ids(),
      source: "hr",
    });
    const terminated = mirror.employees.filter((e) => writes.terminate.includes(e.id));
    expect(terminated.map((e) => e.employeeNo)).toEqual(["E1"]);
    const retired = writes.unitUpdates.filter((u) => u.data.active === false).map((u) => u.id);
    expect(mirror.units.filter((u) => retired.includes(u.id)).map((u) => u.code)).toEqual(["HQ"]);
    expect(result.employees.deactivated).toBe(1);
    expect(result.units.deactivated).toBe(1);
  });

  it("a record another source owns (same employee number or unit code) becomes a claim, not a write", () => {
    const mirror = mirrorOf(hrPull, "hr");
    const { result, writes } = diffHrDirectory({
      full: false,
      newerOnly: true,
      records: records(
        [unit("HQ", { name: "Renamed", version: 9 })],
        [person("E1", { version: 9 })],
      ),
      mirror,
      newId: ids(),
      source: "scim",
    });
    expect(writes.employeeUpdates).toEqual([]);
    expect(writes.unitUpdates).toEqual([]);
    expect(result.claims).toEqual([
      {
        subjectType: "org_unit",
        subjectKey: "HQ",
        via: "code",
        ownedKey: "HQ",
        ownerConnectionId: "hr",
        claimantConnectionId: "scim",
      },
      {
        subjectType: "employee",
        subjectKey: "E1",
        via: "employee_no",
        ownedKey: "E1",
        ownerConnectionId: "hr",
        claimantConnectionId: "scim",
      },
    ]);
  });

  it("another employee number with another source's e-mail (any case) is a claim", () => {
    const { result, writes } = diffHrDirectory({
      full: false,
      newerOnly: true,
      records: records([], [person("S-1", { email: " ann@X.example" })]),
      mirror: mirrorOf(hrPull, "hr"),
      newId: ids(),
      source: "scim",
    });
    expect(writes.employeeCreates).toEqual([]);
    expect(result.claims).toMatchObject([
      { subjectKey: "S-1", via: "email", ownedKey: "E1", ownerConnectionId: "hr" },
    ]);
  });

  it("the owning source updates its own record; unowned rows are adopted by the source that sends them", () => {
    const own = diffHrDirectory({
      full: false,
      newerOnly: true,
      records: records([], [person("E1", { name: "Ann B", version: 2 })]),
      mirror: mirrorOf(hrPull, "hr"),
      newId: ids(),
      source: "hr",
    });
    expect(own.result.claims).toEqual([]);
    expect(own.writes.employeeUpdates.map((u) => u.data.name)).toEqual(["Ann B"]);

    const adopted = diffHrDirectory({
      full: false,
      newerOnly: true,
      records: records([], [person("E1", { version: 2 })]),
      mirror: mirrorOf(hrPull, null),
      newId: ids(),
      source: "scim",
    });
    expect(adopted.result.claims).toEqual([]);
    expect(adopted.writes.employeeUpdates.map((u) => u.data.sourceConnectionId)).toEqual(["scim"]);
  });

  it("without a source nothing is owned and nothing is claimed (one-source behaviour)", () => {
    const { result, writes } = diffHrDirectory({
      full: true,
      newerOnly: false,
      records: records([], [person("E1", { name: "Other", version: 2 })]),
      mirror: mirrorOf(hrPull, "hr"),
      newId: ids(),
    });
    expect(result.claims).toEqual([]);
    expect(writes.employeeUpdates.map((u) => u.data.name)).toEqual(["Other"]);
  });
});
