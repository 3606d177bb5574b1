// planSync: mapping inheritance (LINK / MIRROR / EXCLUDE) and HR arriving out of order.
import { describe, expect, it } from "vitest";
import { employee, input, mirror, unit } from "./fixtures";
import { planSync } from "./plan-sync";
import { EMPLOYEES, HR, MAPPINGS, UNITS, ops, plan, synced } from "./test-world";
import type { HrState, ImState } from "../types";

describe("mapping inheritance", () => {
  it("LINK with descendants puts the subtree's people in the linked group, without mirroring sub-units", () => {
    const im: ImState = { groups: [{ externalId: "sales-chat", name: "Sales" }], users: [] };
    const hr: HrState = {
      units: [...UNITS, unit("SALES-N", "SALES")],
      employees: [...EMPLOYEES, employee("E4", "SALES-N")],
    };
    const p = planSync(
      input({
        hr,
        im,
        mappings: [
          mirror("HQ"),
          mirror("SALES", { mode: "LINK", imGroupExternalId: "sales-chat" }),
        ],
      }),
    );
    expect(ops(p).filter((o) => o.startsWith("group"))).toEqual([
      "group.create HQ",
      "group.create RD",
      "group.create BE",
      "group.create FE",
    ]);
    expect(p.changes.find((c) => c.targetKey === "E4")).toMatchObject({
      after: { groups: [{ externalId: "sales-chat" }] },
    });
  });

  it("a MIRROR unit under a LINK unit is created inside the linked group", () => {
    const im: ImState = {
      groups: [
        { externalId: "rd", name: "R&D", parentExternalId: "root-x" },
        { externalId: "root-x", name: "Root" },
      ],
      users: [],
    };
    const p = planSync(
      input({
        hr: HR,
        im,
        mappings: [
          mirror("RD", { mode: "LINK", imGroupExternalId: "rd", includeDescendants: false }),
          mirror("FE"),
        ],
      }),
    );
    expect(p.changes.find((c) => c.op === "group.create")).toMatchObject({
      targetKey: "FE",
      after: { parent: { externalId: "rd" } },
    });
  });

  it("EXCLUDE leaves the subtree's accounts alone and raises no conflict", () => {
    const p = planSync(
      input({ hr: HR, mappings: [mirror("HQ"), mirror("RD", { mode: "EXCLUDE" })] }),
    );
    expect(ops(p)).toEqual(["group.create HQ", "group.create SALES", "account.create E3"]);
    expect(p.conflicts).toEqual([]);
  });

  it("a unit with a non-inheriting mapping is mirrored alone; its children inherit from further up", () => {
    const p = planSync(input({ hr: HR, mappings: [mirror("RD", { includeDescendants: false })] }));
    expect(ops(p).filter((o) => o.startsWith("group"))).toEqual(["group.create RD"]);
    expect(p.conflicts.map((c) => `${c.type} ${c.subjectKey}`)).toEqual([
      "unmapped_unit BE",
      "unmapped_unit FE",
      "unmapped_unit SALES",
    ]);
  });

  it("existing IM group with the target name and parent is adopted, not duplicated", () => {
    const im: ImState = { groups: [{ externalId: "hq-1", name: "Unit HQ" }], users: [] };
    const p = planSync(input({ hr: HR, im, mappings: MAPPINGS }));
    expect(ops(p).slice(0, 2)).toEqual(["group.create RD", "group.create SALES"]);
    expect(p.changes[0]).toMatchObject({ after: { parent: { externalId: "hq-1" } } });
    expect(p.memoryUpdates).toContainEqual({
      kind: "unitGroup",
      orgUnitCode: "HQ",
      externalId: "hq-1",
    });
  });
});

describe("out-of-order HR (child before parent)", () => {
  it("defers a unit whose parent has not arrived, and its people, without conflicts", () => {
    const hr: HrState = {
      units: [unit("HQ"), unit("FE", "RD")],
      employees: [employee("E1", "FE"), employee("E9", "LATE")],
    };
    const p = planSync(input({ hr, mappings: MAPPINGS }));
    expect(ops(p)).toEqual(["group.create HQ"]);
    expect(p.conflicts).toEqual([]);
    expect(p.summary).toMatchObject({ deferredUnits: 1, deferredEmployees: 2 });
  });

  it("creates parent before child once the parent arrives", () => {
    const first = synced({
      units: [unit("HQ"), unit("FE", "RD")],
      employees: [employee("E1", "FE")],
    });
    const p = plan({
      ...first,
      hr: {
        units: [unit("HQ"), unit("FE", "RD"), unit("RD", "HQ")],
        employees: [employee("E1", "FE")],
      },
    });
    expect(ops(p)).toEqual(["group.create RD", "group.create FE", "account.create E1"]);
  });

  it("does not delete the group of a unit whose new parent has not arrived", () => {
    const w = synced();
    const p = plan({
      ...w,
      hr: {
        units: UNITS.map((u) => (u.code === "FE" ? { ...u, parentCode: "NEW" } : u)),
        employees: EMPLOYEES,
      },
    });
    expect(p.changes).toEqual([]);
  });

  it("treats a parent cycle as deferred", () => {
    const p = planSync(
      input({
        hr: { units: [unit("X", "Y"), unit("Y", "X")], employees: [] },
        mappings: [mirror("X")],
      }),
    );
    expect(p.changes).toEqual([]);
    expect(p.summary.deferredUnits).toBe(2);
  });
});
