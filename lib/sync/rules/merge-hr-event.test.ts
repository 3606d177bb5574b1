import { describe, expect, it } from "vitest";
import { employee, input, mirror, shuffled, unit } from "./fixtures";
import { hrMirrorToState } from "./hr-mirror-to-state";
import { mergeHrEvent, type HrEvent, type HrMirror } from "./merge-hr-event";
import { planSync } from "./plan-sync";

const EMPTY: HrMirror = { units: new Map(), employees: new Map() };

const unitUp = (
  id: string,
  version: number,
  code: string,
  parentCode?: string,
  name = `Unit ${code}`,
): HrEvent => ({
  id,
  kind: "unit.upsert",
  version,
  unit: { ...unit(code, parentCode), name },
});
const empUp = (
  id: string,
  version: number,
  no: string,
  unitCode: string,
  name = `Name ${no}`,
): HrEvent => ({
  id,
  kind: "employee.upsert",
  version,
  employee: employee(no, unitCode, { name }),
});

describe("mergeHrEvent", () => {
  it.each<[string, HrEvent[], { applied: string[]; stale: string[]; name: string | null }]>([
    [
      "create then update",
      [empUp("a", 1, "E1", "U", "v1"), empUp("b", 2, "E1", "U", "v2")],
      { applied: ["a", "b"], stale: [], name: "v2" },
    ],
    [
      "update before create converges",
      [empUp("b", 2, "E1", "U", "v2"), empUp("a", 1, "E1", "U", "v1")],
      { applied: ["b"], stale: ["a"], name: "v2" },
    ],
    [
      "duplicate delivery is stale",
      [empUp("a", 1, "E1", "U", "v1"), empUp("a", 1, "E1", "U", "v1")],
      { applied: ["a"], stale: ["a"], name: "v1" },
    ],
    [
      "delete wins over an older upsert arriving late",
      [
        empUp("a", 1, "E1", "U"),
        { id: "d", kind: "employee.delete", version: 3, employeeNo: "E1" },
        empUp("b", 2, "E1", "U", "v2"),
      ],
      { applied: ["a", "d"], stale: ["b"], name: null },
    ],
    [
      "re-create after delete with a newer version",
      [
        { id: "d", kind: "employee.delete", version: 3, employeeNo: "E1" },
        empUp("c", 4, "E1", "U", "back"),
      ],
      { applied: ["d", "c"], stale: [], name: "back" },
    ],
  ])("%s", (_name, events, expected) => {
    const result = mergeHrEvent(EMPTY, events);
    expect({ applied: result.applied, stale: result.stale }).toEqual({
      applied: expected.applied,
      stale: expected.stale,
    });
    expect(result.mirror.employees.get("E1")?.value?.name ?? null).toBe(expected.name);
  });

  it("does not modify its input", () => {
    const first = mergeHrEvent(EMPTY, unitUp("a", 1, "U"));
    mergeHrEvent(first.mirror, unitUp("b", 2, "U", undefined, "changed"));
    expect(first.mirror.units.get("U")?.value?.name).toBe("Unit U");
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "any delivery order converges to the same state (seed %i)",
    (seed) => {
      const events: HrEvent[] = [
        unitUp("u1", 1, "HQ"),
        unitUp("u2", 1, "RD", "HQ"),
        unitUp("u3", 2, "RD", "HQ", "R&D"),
        unitUp("u4", 1, "FE", "RD"),
        empUp("e1", 1, "E1", "FE"),
        empUp("e2", 5, "E1", "RD", "moved"),
        empUp("e3", 1, "E2", "FE"),
        { id: "e4", kind: "employee.delete", version: 2, employeeNo: "E2" },
      ];
      const ordered = hrMirrorToState(mergeHrEvent(EMPTY, events).mirror);
      const random = hrMirrorToState(mergeHrEvent(EMPTY, shuffled(events, seed)).mirror);
      const sort = <T extends object>(xs: T[], key: (x: T) => string) =>
        [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      expect(sort(random.units, (u) => u.code)).toEqual(sort(ordered.units, (u) => u.code));
      expect(sort(random.employees, (e) => e.employeeNo)).toEqual(
        sort(ordered.employees, (e) => e.employeeNo),
      );
      expect(ordered.employees).toEqual([employee("E1", "RD", { name: "moved" })]);
    },
  );

  it("child before parent: stored, planned once the parent arrives (deferred, not created at top level)", () => {
    const childFirst = mergeHrEvent(EMPTY, [
      unitUp("u1", 1, "HQ"),
      unitUp("c", 1, "FE", "RD"),
      empUp("e", 1, "E1", "FE"),
    ]);
    const before = planSync(
      input({ hr: hrMirrorToState(childFirst.mirror), mappings: [mirror("HQ")] }),
    );
    expect(before.changes.map((c) => `${c.op} ${c.targetKey}`)).toEqual(["group.create HQ"]);
    expect(before.summary.deferredUnits).toBe(1);

    const parentLater = mergeHrEvent(childFirst.mirror, unitUp("p", 1, "RD", "HQ"));
    const after = planSync(
      input({ hr: hrMirrorToState(parentLater.mirror), mappings: [mirror("HQ")] }),
    );
    expect(after.changes.map((c) => `${c.op} ${c.targetKey}`)).toEqual([
      "group.create HQ",
      "group.create RD",
      "group.create FE",
      "account.create E1",
    ]);
  });
});
