import { describe, expect, it } from "vitest";
import { DEFAULT_AUTHORITY, type AttributeAuthority } from "../attribute-authority-schema";
import { authorityAllowsWrite } from "./authority-allows-write";
import { options } from "./fixtures";
import { HR, ops, plan, synced, withEmployee, withUser, type World } from "./test-world";

describe("authorityAllowsWrite", () => {
  it.each([
    // mode,      creating, imBlank, allowed
    ["hr_wins", true, false, true],
    ["hr_wins", false, false, true],
    ["hr_wins", false, true, true],
    ["im_wins", true, false, true],
    ["im_wins", false, false, false],
    ["im_wins", false, true, true],
    ["set_once", true, false, true],
    ["set_once", false, false, false],
    ["set_once", false, true, false],
  ] as const)("%s creating=%s imBlank=%s → %s", (mode, creating, imBlank, allowed) => {
    expect(authorityAllowsWrite({ mode, creating, imBlank })).toBe(allowed);
  });
});

const withAuthority = (patch: Partial<AttributeAuthority>) =>
  options({ authority: { ...DEFAULT_AUTHORITY, ...patch } });

/** A synced world under `authority`, then HR and IM edits applied. */
function edited(
  authority: Partial<AttributeAuthority>,
  hrPatch: Parameters<typeof withEmployee>[2],
  imPatch: Parameters<typeof withUser>[2],
): World {
  const w = synced(HR, undefined, withAuthority(authority));
  return {
    ...w,
    hr: hrPatch ? withEmployee(w.hr, "E1", hrPatch) : w.hr,
    im: imPatch ? withUser(w.im, "E1", imPatch) : w.im,
  };
}

const fieldsOf = (w: World) =>
  plan(w).changes.find((c) => c.op === "account.update" && c.targetKey === "E1")?.after;

describe("planSync honours attribute authority", () => {
  it.each([
    // authority of name, HR renames, IM renames, name written (null = no update)
    ["hr_wins", "HR Name", null, "HR Name"],
    ["hr_wins", null, "IM Name", "Name E1"],
    ["im_wins", "HR Name", null, null],
    ["im_wins", null, "IM Name", null],
    ["set_once", "HR Name", null, null],
    ["set_once", null, "IM Name", null],
  ] as const)("name %s: HR %s, IM %s → writes %s", (mode, hrName, imName, written) => {
    const w = edited(
      { name: mode },
      hrName ? { name: hrName } : null,
      imName ? { name: imName } : null,
    );
    const after = fieldsOf(w) as { fields: Record<string, string> } | undefined;
    expect(after?.fields.name ?? null).toBe(written);
  });

  it("IM wins fills a blank IM value, set once does not", () => {
    const blank = { mobile: undefined };
    const im = edited({ mobile: "im_wins" }, null, blank);
    expect((fieldsOf(im) as { fields: Record<string, string> }).fields.mobile).toBe(
      "+8613800000001",
    );
    expect(fieldsOf(edited({ mobile: "set_once" }, null, blank))).toBeUndefined();
  });

  it("a field changed on both sides is a conflict only under HR wins", () => {
    const both = (mode: "hr_wins" | "im_wins" | "set_once") =>
      plan(edited({ name: mode }, { name: "HR Name" }, { name: "IM Name" })).conflicts.map(
        (c) => c.type,
      );
    expect(both("hr_wins")).toEqual(["both_changed"]);
    expect(both("im_wins")).toEqual([]);
    expect(both("set_once")).toEqual([]);
  });

  it("department under IM wins keeps an account where the IM put it", () => {
    const hr = withEmployee(HR, "E1", { unitCode: "BE" });
    const hrWins = synced(HR, undefined, withAuthority({}));
    expect(ops(plan({ ...hrWins, hr }))).toContain("account.move E1");
    const imWins = synced(HR, undefined, withAuthority({ department: "im_wins" }));
    expect(ops(plan({ ...imWins, hr }))).not.toContain("account.move E1");
  });
});
