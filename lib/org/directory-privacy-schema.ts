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

export const privacyRuleSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "Rule id: 1–40 letters, digits, - or _"),
    label: text("Rule name", 100),
    /** Org units whose whole subtree the rule covers; empty = any unit. */
    unitCodes: z.array(text("Org unit code", 100)).max(50, "At most 50 org units per rule"),
    /** Job titles (compared case-insensitively); empty = any title. */
    titles: z.array(text("Job title", 100)).max(50, "At most 50 job titles per rule"),
    hideMobile: z.boolean(),
    hideEmail: z.boolean(),
    seniorMode: z.boolean(),
  })
  .strict()
  .refine((r) => r.unitCodes.length > 0 || r.titles.length > 0, {
    message: "A privacy rule needs at least one org unit or job title",
    path: ["unitCodes"],
  })
  .refine((r) => r.hideMobile || r.hideEmail || r.seniorMode, {
    message: "A privacy rule must hide the mobile, hide the e-mail or turn on senior mode",
    path: ["hideMobile"],
  });

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
export type PrivacyRulesInput = z.input<typeof privacyRulesSchema>;

/** What a rule does to one employee: the union of every rule that hits them. */
export type PrivacyEffect = {
  hideMobile: boolean;
  hideEmail: boolean;
  seniorMode: boolean;
  /** Ids of the rules that hit, in rule order. */
  ruleIds: string[];
};
