import { describe, expect, it } from "vitest";
import type { HrEmployee, HrOrgUnit } from "@/lib/connectors/types";
import type { HrRecords, MirrorEmployee, MirrorUnit } from "../hr-directory-types";
import { diffHrDirectory, type DiffHrDirectoryInput } from "./diff-hr-directory";

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

/** Ids "id-1", "id-2", … in the order the diff asks for them. */
function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

type Mirror = { units: MirrorUnit[]; employees: MirrorEmployee[] };
const empty: Mirror = { units: [], employees: [] };

function diff(input: Partial<DiffHrDirectoryInput> & { records: HrRecords }) {
  return diffHrDirectory({ full: true, newerOnly: false, mirror: empty, newId: ids(), ...input });
}

/** The mirror after a diff of an empty mirror is written: its created rows with their links. */
function mirrorFrom(rec: HrRecords): Mirror {
  const { writes } = diff({ records: rec });
  const unitLink = new Map(writes.unitLinks.map((l) => [l.id, l]));
  const managerOf = new Map(writes.employeeLinks.map((l) => [l.id, l.managerId]));
  return {
    units: writes.unitCreates.map((u) => ({
      ...u,
      parentId: unitLink.get(u.id)?.parentId ?? null,
      managerId: unitLink.get(u.id)?.managerId ?? null,
    })),
    employees: writes.employeeCreates.map((e) => ({
      ...e,
      managerId: managerOf.get(e.id) ?? null,
    })),
  };
}

const company = records(
  [unit("HQ", { managerNo: "E1" }), unit("RD", { parentCode: "HQ", managerNo: "E2" })],
  [
    person("E1", { unitCode: "HQ" }),
    person("E2", { unitCode: "RD", managerNo: "E1", hireDate: "2024-03-01" }),
  ],
);

describe("diffHrDirectory: creating", () => {
  it("creates every unit and employee of an empty mirror, links after the rows", () => {
    const { result, writes } = diff({ records: company });
    expect(result).toEqual({
      full: true,
      units: { created: 2, updated: 0, unchanged: 0, deactivated: 0 },
      employees: { created: 2, updated: 0, unchanged: 0, deactivated: 0 },
      stale: 0,
      placeholders: [],
      claims: [],
    });
    // Ids: units first (HQ, RD), then employees (E1, E2).
    expect(writes.unitCreates.map((u) => [u.id, u.code, u.path, u.depth])).toEqual([
      ["id-1", "HQ", "/HQ", 0],
      ["id-2", "RD", "/HQ/RD", 1],
    ]);
    expect(writes.unitLinks).toEqual([
      { id: "id-1", parentId: null, managerId: "id-3" },
      { id: "id-2", parentId: "id-1", managerId: "id-4" },
    ]);
    expect(writes.employeeCreates.map((e) => [e.id, e.employeeNo, e.orgUnitId, e.status])).toEqual([
      ["id-3", "E1", "id-1", "ACTIVE"],
      ["id-4", "E2", "id-2", "ACTIVE"],
    ]);
    expect(writes.employeeCreates[1].hireDate).toEqual(new Date("2024-03-01T00:00:00Z"));
    expect(writes.employeeLinks).toEqual([{ id: "id-4", managerId: "id-3" }]);
    expect(writes.unitUpdates).toEqual([]);
    expect(writes.employeeUpdates).toEqual([]);
    expect(writes.terminate).toEqual([]);
  });

  it.each([
    ["onboarding", "ONBOARDING"],
    ["active", "ACTIVE"],
    ["on_leave", "ON_LEAVE"],
    ["terminated", "TERMINATED"],
  ] as const)("maps HR status %s to %s", (status, stored) => {
    const { writes } = diff({ records: records([], [person("E9", { status })]) });
    expect(writes.employeeCreates[0].status).toBe(stored);
  });

  it("defaults time zone and locale and drops a self-managing link", () => {
    const { writes } = diff({ records: records([], [person("E9", { managerNo: "E9" })]) });
    expect(writes.employeeCreates[0]).toMatchObject({ timeZone: "Asia/Shanghai", locale: "zh-CN" });
    expect(writes.employeeLinks).toEqual([]);
  });

  it("gives a manager named by two units to the first unit by code only", () => {
    const rec = records(
      [unit("B", { managerNo: "E1" }), unit("A", { managerNo: "E1" })],
      [person("E1")],
    );
    const { writes } = diff({ records: rec });
    const byId = new Map(writes.unitCreates.map((u) => [u.id, u.code]));
    expect(writes.unitLinks.map((l) => [byId.get(l.id), l.managerId])).toEqual([["A", "id-3"]]);
  });
});

describe("diffHrDirectory: comparing with the mirror", () => {
  it("finds nothing to do when the mirror already matches (a repeat pull is a no-op)", () => {
    const { result, writes } = diff({ records: company, mirror: mirrorFrom(company) });
    expect(result.units).toEqual({ created: 0, updated: 0, unchanged: 2, deactivated: 0 });
    expect(result.employees).toEqual({ created: 0, updated: 0, unchanged: 2, deactivated: 0 });
    expect(Object.values(writes).every((list) => list.length === 0)).toBe(true);
  });

  it.each<[string, HrRecords, (w: ReturnType<typeof diff>) => void]>([
    [
      "a renamed unit updates only its changed fields",
      records(
        [
          unit("HQ", { managerNo: "E1" }),
          unit("RD", { parentCode: "HQ", managerNo: "E2", name: "R&D", version: 2 }),
        ],
        [...company.employees.values()],
      ),
      ({ result, writes }) => {
        expect(result.units).toMatchObject({ updated: 1, unchanged: 1 });
        expect(writes.unitUpdates).toEqual([
          {
            id: "id-2",
            data: { name: "R&D", sourceVersion: 2n, sourceHash: expect.any(String) },
          },
        ]);
        expect(writes.unitLinks).toEqual([]);
      },
    ],
    [
      "a removed manager changes the link and the reference HR sent",
      records(
        [unit("HQ", { managerNo: "E1" }), unit("RD", { parentCode: "HQ", managerNo: "E2" })],
        [
          person("E1", { unitCode: "HQ" }),
          person("E2", { unitCode: "RD", hireDate: "2024-03-01" }),
        ],
      ),
      ({ result, writes }) => {
        expect(result.employees).toMatchObject({ updated: 1, unchanged: 1 });
        expect(writes.employeeLinks).toEqual([{ id: "id-4", managerId: null }]);
        // The record's content hash changed (managerNo went), so the hash is rewritten too.
        expect(writes.employeeUpdates[0].data).toEqual({
          managerNo: null,
          sourceHash: expect.any(String),
        });
      },
    ],
    [
      "a new grade is a change of the employee (and of its content hash)",
      records(
        [...company.units.values()],
        [
          person("E1", { unitCode: "HQ", grade: "M6" }),
          person("E2", { unitCode: "RD", managerNo: "E1", hireDate: "2024-03-01" }),
        ],
      ),
      ({ result, writes }) => {
        expect(result.employees).toMatchObject({ updated: 1, unchanged: 1 });
        expect(writes.employeeUpdates).toEqual([
          { id: "id-3", data: { grade: "M6", sourceHash: expect.any(String) } },
        ]);
      },
    ],
    [
      "the same hire day written with a time is unchanged",
      records(
        [...company.units.values()],
        [
          person("E1", { unitCode: "HQ" }),
          person("E2", { unitCode: "RD", managerNo: "E1", hireDate: "2024-03-01T08:00:00+08:00" }),
        ],
      ),
      ({ writes }) => {
        const e2 = writes.employeeUpdates.find((u) => u.id === "id-4");
        expect(e2?.data.hireDate).toBeUndefined();
      },
    ],
  ])("%s", (_name, rec, check) => {
    check(diff({ records: rec, mirror: mirrorFrom(company) }));
  });

  it("moves the subtree of a moved unit even when the children are not in the pull", () => {
    const rec = records([unit("A"), unit("B"), unit("C", { parentCode: "A" })], []);
    const mirror = mirrorFrom(rec);
    const { writes } = diff({
      full: false,
      records: records([unit("A", { parentCode: "B", version: 2 })], []),
      mirror,
    });
    const code = new Map(mirror.units.map((u) => [u.id, u.code]));
    expect(writes.unitUpdates.map((u) => [code.get(u.id), u.data.path, u.data.depth])).toEqual([
      ["A", "/B/A", 1],
      ["C", "/B/A/C", 2],
    ]);
    expect(writes.unitLinks.map((l) => [code.get(l.id), l.parentId])).toEqual([
      ["A", mirror.units.find((u) => u.code === "B")!.id],
    ]);
  });
});

describe("diffHrDirectory: what HR no longer lists", () => {
  const mirror = mirrorFrom(
    records(
      [unit("HQ"), unit("OLD"), unit("GONE", { active: false })],
      [person("E1"), person("E2"), person("E3", { status: "terminated" })],
    ),
  );
  const pull = records([unit("HQ")], [person("E1")]);

  it("a full pull deactivates missing units and terminates missing employees, once", () => {
    const { result, writes } = diff({ records: pull, mirror });
    const codeOf = new Map(mirror.units.map((u) => [u.id, u.code]));
    const noOf = new Map(mirror.employees.map((e) => [e.id, e.employeeNo]));
    expect(result.units.deactivated).toBe(1);
    expect(writes.unitUpdates.map((u) => [codeOf.get(u.id), u.data])).toEqual([
      ["OLD", { active: false }],
    ]);
    expect(result.employees.deactivated).toBe(1);
    expect(writes.terminate.map((id) => noOf.get(id))).toEqual(["E2"]);
  });

  it("an incremental pull keeps them", () => {
    const { result, writes } = diff({ full: false, records: pull, mirror });
    expect(result.units.deactivated).toBe(0);
    expect(result.employees.deactivated).toBe(0);
    expect(writes.unitUpdates).toEqual([]);
    expect(writes.terminate).toEqual([]);
  });
});

describe("diffHrDirectory: versions and placeholders", () => {
  const mirror = mirrorFrom(records([unit("HQ", { version: 5 })], [person("E1", { version: 5 })]));

  it.each([
    [4, 1, 0],
    [5, 1, 0],
    [6, 0, 1],
  ])("newerOnly: version %i against the mirror's 5 → stale %i, updated %i", (v, stale, updated) => {
    const rec = records([unit("HQ", { version: v })], [person("E1", { version: v })]);
    const { result } = diff({ full: false, newerOnly: true, records: rec, mirror });
    expect(result.stale).toBe(stale * 2);
    expect(result.units.updated).toBe(updated);
    expect(result.employees.updated).toBe(updated);
    expect(rec.units.size + rec.employees.size).toBe(2); // the caller's maps are left alone
  });

  it("without newerOnly an older version is still applied", () => {
    const rec = records([unit("HQ", { version: 4 })], []);
    const { result, writes } = diff({ full: false, records: rec, mirror });
    expect(result.stale).toBe(0);
    expect(writes.unitUpdates[0].data).toMatchObject({ sourceVersion: 4n });
  });

  it("a partial pull holds the place of units it references but nobody sent yet", () => {
    const rec = records([unit("RD", { parentCode: "NEW" })], [person("E2", { unitCode: "LAB" })]);
    const { result, writes } = diff({ full: false, records: rec, mirror });
    expect(result.placeholders).toEqual(["NEW", "LAB"]);
    expect(
      writes.unitCreates.filter((u) => u.sourceVersion === 0n).map((u) => [u.code, u.name]),
    ).toEqual([
      ["LAB", "LAB"],
      ["NEW", "NEW"],
    ]);
  });

  it("a full pull makes no placeholders (a missing parent is just not linked)", () => {
    const { result, writes } = diff({ records: records([unit("RD", { parentCode: "NEW" })], []) });
    expect(result.placeholders).toEqual([]);
    expect(writes.unitCreates.map((u) => [u.code, u.path])).toEqual([["RD", "/RD"]]);
    expect(writes.unitLinks).toEqual([]);
  });
});

describe("diffHrDirectory: manager references as HR sent them", () => {
  it("keeps a reference to oneself or to nobody HR lists (the sync makes them conflicts); links only real ones", () => {
    const { writes } = diff({
      records: records(
        [unit("HQ")],
        [
          person("E1", { unitCode: "HQ", managerNo: "E1" }),
          person("E2", { unitCode: "HQ", managerNo: "E404" }),
          person("E3", { unitCode: "HQ", managerNo: " E2 " }),
        ],
      ),
    });
    expect(writes.employeeCreates.map((e) => [e.employeeNo, e.managerNo])).toEqual([
      ["E1", "E1"],
      ["E2", "E404"],
      ["E3", "E2"],
    ]);
    const byId = new Map(writes.employeeCreates.map((e) => [e.id, e.employeeNo]));
    expect(writes.employeeLinks.map((l) => [byId.get(l.id), byId.get(l.managerId!)])).toEqual([
      ["E3", "E2"],
    ]);
  });
});

describe("diffHrDirectory: pending transfers", () => {
  const scheduled = (transfer: HrEmployee["transfer"], unitCode = "HQ", version = 2) =>
    records(
      [unit("HQ", { managerNo: "E1" }), unit("RD", { parentCode: "HQ", managerNo: "E2" })],
      [
        company.employees.get("E1")!,
        person("E2", { unitCode, managerNo: "E1", hireDate: "2024-03-01", transfer, version }),
      ],
    );

  it("mirrors a new transfer in its own columns, and clears it when HR withdraws it", () => {
    const move = { unitCode: "HQ", effectiveDate: "2026-12-24", title: "Lead" };
    const { writes } = diff({ records: scheduled(move, "RD"), mirror: mirrorFrom(company) });
    expect(writes.employeeUpdates).toEqual([
      {
        id: "id-4",
        data: {
          sourceVersion: 2n,
          sourceHash: expect.any(String),
          transferUnitCode: "HQ",
          transferDate: new Date("2026-12-24T00:00:00Z"),
          transferTitle: "Lead",
        },
      },
    ]);
    const withMove = mirrorFrom(scheduled(move, "RD"));
    const withdrawn = diff({ records: scheduled(undefined, "RD", 3), mirror: withMove });
    expect(withdrawn.writes.employeeUpdates[0].data).toMatchObject({
      transferUnitCode: null,
      transferDate: null,
      transferTitle: null,
    });
  });

  it("a transfer into the unit HR already lists is done: nothing pending is stored", () => {
    const { writes } = diff({
      records: scheduled({ unitCode: "HQ", effectiveDate: "2026-12-24" }),
    });
    expect(writes.employeeCreates.find((e) => e.employeeNo === "E2")).toMatchObject({
      transferUnitCode: null,
      transferDate: null,
    });
  });
});
