import { z } from "zod";

// Directory privacy rules: which employees' contact details colleagues must not see in the IM.
// Shared by the org screen's form and the server action (no database imports).

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    // NUL and lone surrogates cannot be stored or shown; refuse them with the field's name.
    .refine((v) => !/\u0000/.test(v) && v.isWellFormed(), `${label} contains invalid characters`);

/** A list of org units, titles or grades: at most 50, each a non-blank text. */
const targets = (label: string, plural: string, max = 100) =>
  z.array(text(label, max)).max(50, `At most 50 ${plural} per rule`);

/** A rule's fields before the checks that span several of them (the form derives its schema from it). */
export const privacyRuleFieldsSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "Rule id: 1–40 letters, digits, - or _"),
    label: text("Rule name", 100),
    /** Org units whose whole subtree the rule covers; empty = any unit. */
    unitCodes: targets("Org unit code", "org units"),
    /** Job titles (compared case-insensitively); empty = any title. */
    titles: targets("Job title", "job titles"),
    /** Job grades such as "M3" (compared case-insensitively); empty = any grade. Rules saved before grades existed have none. */
    grades: targets("Grade", "grades", 64).default([]),
    hideMobile: z.boolean(),
    hideEmail: z.boolean(),
    seniorMode: z.boolean(),
  })
  .strict();

type RuleChecks = {
  unitCodes: readonly string[];
  titles: readonly string[];
  grades: readonly string[];
  hideMobile: boolean;
  hideEmail: boolean;
  seniorMode: boolean;
};

/** The checks across fields, shared by the stored rule and the form. */
export function refinePrivacyRule<S extends z.ZodType<RuleChecks>>(schema: S) {
  return schema
    .refine((r) => r.unitCodes.length > 0 || r.titles.length > 0 || r.grades.length > 0, {
      message: "A privacy rule needs at least one org unit, job title or grade",
      path: ["unitCodes"],
      params: { i18n: "privacyRuleScope" },
    })
    .refine((r) => r.hideMobile || r.hideEmail || r.seniorMode, {
      message: "A privacy rule must hide the mobile, hide the e-mail or turn on senior mode",
      path: ["hideMobile"],
      params: { i18n: "privacyRuleAction" },
    });
}

export const privacyRuleSchema = refinePrivacyRule(privacyRuleFieldsSchema);

/** "a, b，c" or one per line → ["a", "b", "c"]. */
export function splitPrivacyList(value: string): string[] {
  return value
    .split(/[,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

const listField = <S extends z.ZodType<string[], string[]>>(schema: S) =>
  z.string().transform(splitPrivacyList).pipe(schema);

/**
 * The org screen's "add a rule" form: the rule's own fields and checks, with units, titles and
 * grades typed as comma-separated text. The id is the form's to make up, not the user's.
 */
export const privacyRuleFormSchema = refinePrivacyRule(
  privacyRuleFieldsSchema.omit({ id: true }).extend({
    unitCodes: listField(privacyRuleFieldsSchema.shape.unitCodes),
    titles: listField(privacyRuleFieldsSchema.shape.titles),
    grades: listField(privacyRuleFieldsSchema.shape.grades.unwrap()),
  }),
);
export type PrivacyRuleFormValues = z.input<typeof privacyRuleFormSchema>;

export const privacyRulesSchema = z
  .object({
    rules: z
      .array(privacyRuleSchema)
      .max(100, "At most 100 privacy rules")
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, i) => {
          if (seen.has(r.id))
            ctx.addIssue({
              code: "custom",
              path: [i, "id"],
              message: `Rule id “${r.id}” is used twice`,
            });
          seen.add(r.id);
        });
      }),
  })
  .strict();

export type PrivacyRule = z.output<typeof privacyRuleSchema>;
/** A rule as the server accepts it: `grades` may be left out. */
export type PrivacyRuleInput = z.input<typeof privacyRuleSchema>;
export type PrivacyRulesInput = z.input<typeof privacyRulesSchema>;

/** What a rule does to one employee: the union of every rule that hits them. */
export type PrivacyEffect = {
  hideMobile: boolean;
  hideEmail: boolean;
  seniorMode: boolean;
  /** Ids of the rules that hit, in rule order. */
  ruleIds: string[];
};
