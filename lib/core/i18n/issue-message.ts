import type { z } from "zod";
import { zhCN } from "zod/locales";

/** `t` of next-intl bound to the `validation` namespace (client hook, server helper or createTranslator alike). */
export type ValidationTranslator = (
  key: string,
  values?: Record<string, string | number>,
) => string;

type Issue = z.core.$ZodIssue;

/** zod's own Chinese wording, for the rare issue kinds our catalogue does not phrase itself. */
const zodChinese = zhCN().localeError;

/**
 * A zod issue as the console shows it, in the reader's language.
 * - A custom issue that names a message (`params.i18n`) is that message, in either language;
 *   its English catalogue entry is the wording the schema (and so the API) uses.
 * - Otherwise English keeps the schema's own message (the API says the same), and Chinese is
 *   phrased from the issue's code and limits, since that message sits under the field it is about.
 */
export function issueMessage(issue: Issue, locale: string, t: ValidationTranslator): string {
  const params = issue.code === "custom" ? issue.params : undefined;
  if (typeof params?.i18n === "string") return t(`custom.${params.i18n}`, values(params));
  if (locale === "en") return issue.message;
  return chineseFor(issue, t);
}

// Numbers go in as text: the English must read exactly as the schema's ("2048", not "2,048").
function values(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => typeof v === "string" || typeof v === "number")
      .map(([k, v]) => [k, String(v)]),
  );
}

function chineseFor(issue: Issue, t: ValidationTranslator): string {
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string")
        return minimum <= 1 ? t("issue.required") : t("issue.tooShort", { minimum });
      if (issue.origin === "array" || issue.origin === "set")
        return minimum <= 1 ? t("issue.chooseOne") : t("issue.tooFew", { minimum });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return t(issue.inclusive ? "issue.atLeast" : "issue.above", { minimum });
      break;
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return t("issue.tooLong", { maximum });
      if (issue.origin === "array" || issue.origin === "set")
        return t("issue.tooMany", { maximum });
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return t(issue.inclusive ? "issue.atMost" : "issue.below", { maximum });
      break;
    }
    case "invalid_type":
      if (issue.expected === "int") return t("issue.wholeNumber");
      if (issue.expected === "number") return t("issue.number");
      if (issue.expected === "boolean") return t("issue.yesOrNo");
      return t("issue.required");
    case "invalid_format":
      if (issue.format === "email") return t("issue.email");
      if (issue.format === "url") return t("issue.url");
      return t("issue.format");
    case "invalid_value":
      return t("issue.option");
    case "custom":
      return t("issue.invalid");
  }
  return zodChinese(issue as never) as string;
}
