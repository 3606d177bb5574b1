import { describe, expect, it } from "vitest";
import type { PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { DEFAULT_AUTHORITY } from "../attribute-authority-schema";
import { applyDirectoryPrivacy } from "./apply-directory-privacy";
import { employee, options } from "./fixtures";
import { HR, UNITS, plan, synced, withEmployee } from "./test-world";

const DIRECTORS: PrivacyRule = {
  id: "directors",
  label: "Directors",
  unitCodes: ["RD"],
  titles: ["Director"],
  grades: [],
  hideMobile: true,
  hideEmail: false,
  seniorMode: true,
};
const WECOM: PrivacyCapability = { hideMobile: "omit", hideEmail: "omit", seniorMode: false };
const DINGTALK: PrivacyCapability = { hideMobile: "flag", hideEmail: "omit", seniorMode: true };

describe("applyDirectoryPrivacy", () => {
  const employees = [
    employee("E1", "FE", { title: "Director" }),
    employee("E2", "SALES", { title: "Director" }),
    employee("E3", "BE", { title: "Engineer" }),
  ];

  it.each([
    ["WeCom withholds the mobile", WECOM, "", undefined],
    [
      "DingTalk sends it with hide_mobile and senior mode",
      DINGTALK,
      "+8613800000001",
      { hideMobile: true, seniorMode: true },
    ],
  ] as const)("%s", (_, capability, mobile, flags) => {
    const r = applyDirectoryPrivacy({ units: UNITS, employees, rules: [DIRECTORS], capability });
    expect(r.employees.map((e) => e.mobile)).toEqual([mobile, "+8613800000002", "+8613800000003"]);
    expect(r.employees[0]!.email).toBe("e1@corp.example");
    expect(r.protection.get("E1")).toEqual(flags);
    expect(r.protection.has("E2")).toBe(false);
  });
});

describe("planSync with a privacy rule", () => {
  const hr = withEmployee(HR, "E1", { title: "Director" });

  it("creates a director without a mobile on WeCom", () => {
    const w = synced(
      hr,
      undefined,
      options({ privacy: { rules: [DIRECTORS], capability: WECOM } }),
    );
    expect(w.im.users.find((u) => u.imUserId === "E1")!.mobile).toBeUndefined();
    expect(w.im.users.find((u) => u.imUserId === "E2")!.mobile).toBe("+8613800000002");
  });

  it("clears the mobile of an existing director once the rule is added", () => {
    const w = synced(hr);
    const p = plan({
      ...w,
      options: options({ privacy: { rules: [DIRECTORS], capability: WECOM } }),
    });
    const update = p.changes.find((c) => c.op === "account.update" && c.targetKey === "E1");
    expect(update?.after).toMatchObject({ fields: { mobile: "" } });
    expect(p.conflicts).toEqual([]);
  });

  it("clears a hidden mobile even where the IM owns the field", () => {
    const w = synced(hr);
    const p = plan({
      ...w,
      options: options({
        authority: { ...DEFAULT_AUTHORITY, mobile: "im_wins", email: "set_once" },
        privacy: { rules: [DIRECTORS], capability: WECOM },
      }),
    });
    const update = p.changes.find((c) => c.op === "account.update" && c.targetKey === "E1");
    expect(update?.after).toMatchObject({ fields: { mobile: "" } });
  });

  it("passes DingTalk's protection switches on the create", () => {
    const p = plan({
      ...synced({ units: [], employees: [] }),
      hr,
      options: options({ privacy: { rules: [DIRECTORS], capability: DINGTALK } }),
    });
    const create = p.changes.find((c) => c.op === "account.create" && c.targetKey === "E1");
    expect(create?.after).toMatchObject({
      fields: { mobile: "+8613800000001" },
      protection: { hideMobile: true, seniorMode: true },
    });
  });
});
