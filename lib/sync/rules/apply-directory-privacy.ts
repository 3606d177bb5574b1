import type { PrivacyCapability } from "@/lib/connectors/types";
import type { PrivacyRule } from "@/lib/org/directory-privacy-schema";
import { matchPrivacyRules } from "@/lib/org/rules/match-privacy-rules";
import { unitPaths } from "@/lib/org/rules/unit-paths";
import type { AccountProtection, HrEmployee, HrUnit } from "../types";

export type DirectoryPrivacyInput = {
  units: readonly HrUnit[];
  employees: readonly HrEmployee[];
  rules: readonly PrivacyRule[];
  /** What the target platform can do (see ImCapabilities.privacy). */
  capability: PrivacyCapability;
};

export type DirectoryPrivacyResult = {
  /** Employees as the IM should get them: omitted contacts are blank, so the planner clears them. */
  employees: HrEmployee[];
  /** Per employee number: platform protection switches to turn on. */
  protection: Map<string, AccountProtection>;
  /** "employeeNo#field" of every value withheld, which the planner clears whatever the field's authority. */
  withheld: Set<string>;
};

/**
 * Applies the privacy rules to the HR directory before planning. Where the platform has a
 * protection switch the value is still sent with the switch on; where it has none the value is
 * withheld. An ask the platform cannot honour at all was refused when the rule was saved, so it
 * is not silently dropped here: it is simply not reachable.
 */
export function applyDirectoryPrivacy(input: DirectoryPrivacyInput): DirectoryPrivacyResult {
  const protection = new Map<string, AccountProtection>();
  const withheld = new Set<string>();
  if (input.rules.length === 0) return { employees: [...input.employees], protection, withheld };
  const paths = unitPaths(input.units);
  const { capability } = input;
  const employees = input.employees.map((e) => {
    const effect = matchPrivacyRules(
      { unitPath: (e.unitCode && paths.get(e.unitCode)) || [], title: e.title, grade: e.grade },
      input.rules,
    );
    if (!effect) return e;
    const out: HrEmployee = { ...e };
    const flags: AccountProtection = {};
    if (effect.hideMobile && capability.hideMobile === "omit") {
      out.mobile = "";
      withheld.add(`${e.employeeNo}#mobile`);
    }
    if (effect.hideMobile && capability.hideMobile === "flag") flags.hideMobile = true;
    if (effect.hideEmail && capability.hideEmail === "omit") {
      out.email = "";
      withheld.add(`${e.employeeNo}#email`);
    }
    if (effect.seniorMode && capability.seniorMode) flags.seniorMode = true;
    if (Object.keys(flags).length > 0) protection.set(e.employeeNo, flags);
    return out;
  });
  return { employees, protection, withheld };
}
