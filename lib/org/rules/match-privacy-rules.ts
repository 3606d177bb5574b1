import type { PrivacyEffect, PrivacyRule } from "../directory-privacy-schema";

export type PrivacySubject = {
  /** The employee's unit and all its ancestors' codes. */
  unitPath: readonly string[];
  title?: string;
  /** Job grade ("M3"). */
  grade?: string;
};

const fold = (s: string) => s.trim().toLocaleLowerCase("en-US");

/** Whether a rule's list admits a value: an empty list admits anything, else a case-insensitive match. */
const admits = (list: readonly string[], value: string) =>
  list.length === 0 || list.some((x) => fold(x) === value);

/**
 * The combined effect of every rule that hits one employee. A rule hits when the employee sits in
 * one of its units' subtrees (or it names none), holds one of its titles (or it names none) and one
 * of its grades (or it names none). Null when no rule hits.
 */
export function matchPrivacyRules(
  subject: PrivacySubject,
  rules: readonly PrivacyRule[],
): PrivacyEffect | null {
  const title = subject.title ? fold(subject.title) : "";
  const grade = subject.grade ? fold(subject.grade) : "";
  let effect: PrivacyEffect | null = null;
  for (const rule of rules) {
    const inUnit =
      rule.unitCodes.length === 0 || rule.unitCodes.some((c) => subject.unitPath.includes(c));
    if (!inUnit || !admits(rule.titles, title) || !admits(rule.grades, grade)) continue;
    effect ??= { hideMobile: false, hideEmail: false, seniorMode: false, ruleIds: [] };
    effect.hideMobile ||= rule.hideMobile;
    effect.hideEmail ||= rule.hideEmail;
    effect.seniorMode ||= rule.seniorMode;
    effect.ruleIds.push(rule.id);
  }
  return effect;
}
