import type { PrivacyEffect, PrivacyRule } from "../directory-privacy-schema";

export type PrivacySubject = {
  /** The employee's unit and all its ancestors' codes. */
  unitPath: readonly string[];
  title?: string;
};

const fold = (s: string) => s.trim().toLocaleLowerCase("en-US");

/**
 * The combined effect of every rule that hits one employee. A rule hits when the employee sits in
 * one of its units' subtrees (or it names none) and holds one of its titles (or it names none).
 * Null when no rule hits.
 */
export function matchPrivacyRules(
  subject: PrivacySubject,
  rules: readonly PrivacyRule[],
): PrivacyEffect | null {
  const title = subject.title ? fold(subject.title) : "";
  let effect: PrivacyEffect | null = null;
  for (const rule of rules) {
    const inUnit =
      rule.unitCodes.length === 0 || rule.unitCodes.some((c) => subject.unitPath.includes(c));
    const hasTitle = rule.titles.length === 0 || rule.titles.some((t) => fold(t) === title);
    if (!inUnit || !hasTitle) continue;
    effect ??= { hideMobile: false, hideEmail: false, seniorMode: false, ruleIds: [] };
    effect.hideMobile ||= rule.hideMobile;
    effect.hideEmail ||= rule.hideEmail;
    effect.seniorMode ||= rule.seniorMode;
    effect.ruleIds.push(rule.id);
  }
  return effect;
}
