import { describe, expect, it } from "vitest";
import { employee, input } from "@/lib/sync/rules/fixtures";
import { planSync } from "@/lib/sync/rules/plan-sync";
import { MAPPINGS, UNITS, ops, plan, synced } from "@/lib/sync/rules/test-world";
import type { ConflictType } from "../types";
import { base } from "./conflict-case";
import { IM_AND_CONTACT_CASES } from "./conflict-cases-im-and-contacts";
import { SCOPE_AND_LIMIT_CASES } from "./conflict-cases-scope-and-limits";

const TABLE = [...IM_AND_CONTACT_CASES, ...SCOPE_AND_LIMIT_CASES];

const key = (c: { type: string; subjectKey: string }) =>
  c.type === "deletion_threshold" ? "deletion_threshold destructive:" : `${c.type} ${c.subjectKey}`;

describe("detectConflicts (through planSync)", () => {
  it.each(TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const p = plan(row.world());
    expect(p.conflicts.map(key).sort()).toEqual([...row.conflicts].sort());
    expect(ops(p)).toEqual(row.changes);
    row.check?.(p);
  });

  it("covers every conflict type", () => {
    const seen = new Set(TABLE.flatMap((r) => r.conflicts.map((c) => c.split(" ")[0])));
    const all: ConflictType[] = [
      "im_group_renamed",
      "im_group_moved",
      "account_owned_by_other",
      "duplicate_contact",
      "unmapped_unit",
      "both_changed",
      "orphan_im_user",
      "mapping_group_deleted",
      "depth_exceeded",
      "invalid_group_name",
      "group_not_empty",
      "deletion_threshold",
    ];
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it("fingerprints are stable across reruns and distinct across conflicts", () => {
    for (const row of TABLE) {
      const a = plan(row.world()).conflicts.map((c) => c.fingerprint);
      const b = plan(row.world()).conflicts.map((c) => c.fingerprint);
      expect(a).toEqual(b);
      expect(new Set(a).size).toBe(a.length);
    }
    const all = TABLE.flatMap((r) =>
      plan(r.world()).conflicts.map((c) => `${c.fingerprint} ${c.type} ${c.subjectKey}`),
    );
    const byFingerprint = new Map<string, string>();
    for (const line of all) {
      const [fp, ...rest] = line.split(" ");
      const subject = rest.join(" ");
      expect(byFingerprint.get(fp) ?? subject).toBe(subject);
      byFingerprint.set(fp, subject);
    }
  });

  it("fingerprint ignores values but includes the scope", () => {
    const renamed = (name: string, scope: string) => {
      const w = base();
      return planSync({
        hr: w.hr,
        memory: w.memory,
        mappings: w.mappings,
        options: { ...w.options, fingerprintScope: scope },
        im: {
          ...w.im,
          groups: w.im.groups.map((g) => (g.externalId === "g-FE" ? { ...g, name } : g)),
        },
      }).conflicts[0].fingerprint;
    };
    expect(renamed("A", "conn-1")).toBe(renamed("B", "conn-1"));
    expect(renamed("A", "conn-1")).not.toBe(renamed("A", "conn-2"));
    expect(renamed("A", "conn-1")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("an orphan matched to an HR employee by contact is not an orphan", () => {
    const p = planSync(
      input({
        hr: { units: UNITS, employees: [employee("E1", "FE", { status: "terminated" })] },
        im: {
          groups: [],
          users: [
            {
              imUserId: "legacy",
              name: "Old",
              email: "E1@corp.example",
              groupIds: [],
              enabled: true,
            },
          ],
        },
        mappings: MAPPINGS,
      }),
    );
    expect(p.conflicts.filter((c) => c.type === "orphan_im_user")).toEqual([]);
  });
});

describe("detectConflicts edge cases", () => {
  it("a DELETED account whose IM user still exists is not re-created over it", () => {
    const w = synced();
    const memory = {
      ...w.memory,
      accounts: w.memory.accounts.map((a) =>
        a.employeeNo === "E1" ? { ...a, state: "DELETED" as const } : a,
      ),
    };
    const p = plan({ ...w, memory });
    expect(p.conflicts.map((c) => `${c.type} ${c.subjectKey}`)).toEqual([
      "account_owned_by_other E1",
    ]);
    expect(ops(p)).toEqual([]);
  });
});
