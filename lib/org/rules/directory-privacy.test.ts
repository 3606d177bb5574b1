import { describe, expect, it } from "vitest";
import type { PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyRule } from "../directory-privacy-schema";
import { privacyRuleFormSchema, privacyRulesSchema } from "../directory-privacy-schema";
import { matchPrivacyRules } from "./match-privacy-rules";
import { unhonouredPrivacyOptions } from "./unhonoured-privacy-options";
import { unitPaths } from "./unit-paths";

const rule = (patch: Partial<PrivacyRule>): PrivacyRule => ({
  id: "r1",
  label: "Rule",
  unitCodes: [],
  titles: [],
  grades: [],
  hideMobile: false,
  hideEmail: false,
  seniorMode: false,
  ...patch,
});

const DIRECTORS = rule({ id: "directors", titles: ["Director"], hideMobile: true });
const BOARD = rule({ id: "board", unitCodes: ["BOARD"], hideEmail: true, seniorMode: true });
const RD_DIRECTORS = rule({
  id: "rd-directors",
  unitCodes: ["RD"],
  titles: ["director"],
  hideEmail: true,
});

describe("matchPrivacyRules", () => {
  it.each([
    ["title matches, any unit", ["SALES", "HQ"], "Director", ["directors"], true, false, false],
    [
      "title differs in case and spaces",
      ["SALES"],
      "  director ",
      ["directors"],
      true,
      false,
      false,
    ],
    ["other title", ["SALES"], "Engineer", null, false, false, false],
    ["no title", ["SALES"], undefined, null, false, false, false],
    ["subtree: unit below BOARD", ["AUDIT", "BOARD", "HQ"], "Clerk", ["board"], false, true, true],
    [
      "both unit and title required",
      ["FE", "RD"],
      "Director",
      ["directors", "rd-directors"],
      true,
      true,
      false,
    ],
    ["unit alone is not enough", ["FE", "RD"], "Engineer", null, false, false, false],
    ["effects add up", ["BOARD"], "Director", ["directors", "board"], true, true, true],
  ] as const)("%s", (_, unitPath, title, ids, hideMobile, hideEmail, seniorMode) => {
    const effect = matchPrivacyRules({ unitPath, ...(title ? { title } : {}) }, [
      DIRECTORS,
      BOARD,
      RD_DIRECTORS,
    ]);
    if (ids === null) return expect(effect).toBeNull();
    expect(effect).toEqual({ ruleIds: ids, hideMobile, hideEmail, seniorMode });
  });
});

describe("matchPrivacyRules by grade", () => {
  const SENIOR = rule({ id: "senior", grades: ["M5", "m6"], hideMobile: true });
  const RD_LEADS = rule({ id: "rd-leads", unitCodes: ["RD"], grades: ["M3"], seniorMode: true });
  const DIRECTOR_M4 = rule({ id: "d-m4", titles: ["Director"], grades: ["M4"], hideEmail: true });
  it.each([
    ["listed grade, any unit or title", ["SALES"], undefined, "M5", ["senior"]],
    ["grade differs in case and spaces", ["SALES"], "Clerk", " m6 ", ["senior"]],
    ["grade list entries compare case-insensitively too", ["HQ"], undefined, "M6", ["senior"]],
    ["unlisted grade", ["SALES"], undefined, "M4", null],
    ["no grade never matches a grade rule", ["SALES"], "Director", undefined, null],
    ["grade and unit both required", ["FE", "RD"], undefined, "M3", ["rd-leads"]],
    ["grade without the unit", ["SALES"], undefined, "M3", null],
    ["grade and title both required", ["HQ"], "director", "m4", ["d-m4"]],
    ["title without the grade", ["HQ"], "Director", "M5", ["senior"]],
  ] as const)("%s", (_, unitPath, title, grade, ids) => {
    const effect = matchPrivacyRules(
      { unitPath, ...(title ? { title } : {}), ...(grade ? { grade } : {}) },
      [SENIOR, RD_LEADS, DIRECTOR_M4],
    );
    expect(effect?.ruleIds ?? null).toEqual(ids);
  });

  it("a rule without grades admits every grade, and no grade", () => {
    expect(matchPrivacyRules({ unitPath: ["BOARD"], grade: "P1" }, [BOARD])?.ruleIds).toEqual([
      "board",
    ]);
    expect(matchPrivacyRules({ unitPath: ["BOARD"] }, [BOARD])?.ruleIds).toEqual(["board"]);
  });
});

describe("unitPaths", () => {
  it("lists each unit and its ancestors, and stops at cycles and missing parents", () => {
    const paths = unitPaths([
      { code: "HQ" },
      { code: "RD", parentCode: "HQ" },
      { code: "FE", parentCode: "RD" },
      { code: "A", parentCode: "B" },
      { code: "B", parentCode: "A" },
      { code: "LOST", parentCode: "GONE" },
    ]);
    expect(paths.get("FE")).toEqual(["FE", "RD", "HQ"]);
    expect(paths.get("A")).toEqual(["A", "B"]);
    expect(paths.get("LOST")).toEqual(["LOST"]);
  });
});

const WECOM: PrivacyCapability = { hideMobile: "omit", hideEmail: "omit", seniorMode: false };
const DINGTALK: PrivacyCapability = { hideMobile: "flag", hideEmail: "omit", seniorMode: true };
const FEISHU: PrivacyCapability = { hideMobile: "none", hideEmail: "omit", seniorMode: false };
const SLACK: PrivacyCapability = { hideMobile: "omit", hideEmail: "none", seniorMode: false };

describe("unhonouredPrivacyOptions", () => {
  const ask = (m: boolean, e: boolean, s: boolean) => ({
    hideMobile: m,
    hideEmail: e,
    seniorMode: s,
  });
  it.each([
    ["WeCom hides a mobile", ask(true, false, false), WECOM, "mobile_or_email", []],
    [
      "WeCom cannot omit both contacts",
      ask(true, true, false),
      WECOM,
      "mobile_or_email",
      ["noContactLeft"],
    ],
    ["WeCom has no senior mode", ask(false, false, true), WECOM, "mobile_or_email", ["seniorMode"]],
    [
      "DingTalk flags the mobile and has senior mode",
      ask(true, true, true),
      DINGTALK,
      "mobile",
      [],
    ],
    ["Feishu requires the mobile", ask(true, false, false), FEISHU, "mobile", ["hideMobile"]],
    [
      "Slack requires the e-mail",
      ask(false, true, true),
      SLACK,
      "email",
      ["hideEmail", "seniorMode"],
    ],
  ] as const)("%s", (_, a, cap, requires, expected) => {
    expect(unhonouredPrivacyOptions(a, cap, requires)).toEqual(expected);
  });
});

describe("privacyRulesSchema", () => {
  it.each([
    ["no unit, title or grade", { rules: [rule({ hideMobile: true })] }, "unitCodes"],
    ["a blank grade", { rules: [rule({ grades: [" "], hideMobile: true })] }, "grades"],
    ["a long grade", { rules: [rule({ grades: ["M".repeat(65)], hideMobile: true })] }, "grades"],
    ["nothing to do", { rules: [rule({ titles: ["Director"] })] }, "hideMobile"],
    ["NUL in a title", { rules: [rule({ titles: ["Dir\u0000"], hideMobile: true })] }, "titles"],
    [
      "lone surrogate",
      { rules: [rule({ label: "\ud800", titles: ["D"], hideMobile: true })] },
      "label",
    ],
    ["duplicate id", { rules: [DIRECTORS, DIRECTORS] }, "id"],
    ["unknown key", { rules: [{ ...DIRECTORS, grade: "P9" }] }, "rules.0"],
  ])("refuses %s, naming the field", (_, value, field) => {
    const r = privacyRulesSchema.safeParse(value);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths.some((p) => p.includes(field))).toBe(true);
  });

  it("accepts a director rule", () => {
    expect(privacyRulesSchema.parse({ rules: [DIRECTORS, BOARD] }).rules).toHaveLength(2);
  });

  it("accepts a rule by grade alone", () => {
    const [r] = privacyRulesSchema.parse({
      rules: [rule({ grades: [" M5 "], hideMobile: true })],
    }).rules;
    expect(r.grades).toEqual(["M5"]);
  });

  it("loads a rule stored before grades existed, with no grades", () => {
    const { grades: _, ...stored } = DIRECTORS;
    const [r] = privacyRulesSchema.parse({ rules: [stored] }).rules;
    expect(r).toEqual({ ...DIRECTORS, grades: [] });
  });
});

describe("privacyRuleFormSchema", () => {
  const form = {
    label: "Leaders",
    unitCodes: "",
    titles: "",
    grades: "M5, m6，P7\n",
    hideMobile: true,
    hideEmail: false,
    seniorMode: false,
  };

  it("splits the lists and keeps the rule's own checks", () => {
    expect(privacyRuleFormSchema.parse(form)).toEqual({
      ...form,
      unitCodes: [],
      titles: [],
      grades: ["M5", "m6", "P7"],
    });
  });

  it.each([
    ["no unit, title or grade", { grades: " , " }, "unitCodes", "privacyRuleScope"],
    ["nothing to do", { hideMobile: false }, "hideMobile", "privacyRuleAction"],
  ])("refuses %s with a translatable message", (_, patch, field, i18n) => {
    const r = privacyRuleFormSchema.safeParse({ ...form, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: [field], params: { i18n } })]);
  });

  it("names the item of a list that is too long", () => {
    const r = privacyRuleFormSchema.safeParse({ ...form, grades: `M5, ${"P".repeat(65)}` });
    expect(r.error!.issues.map((i) => i.path)).toEqual([["grades", 1]]);
  });
});
