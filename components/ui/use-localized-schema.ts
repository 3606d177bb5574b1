"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import type { z } from "zod";
import { issueMessage } from "@/lib/core/i18n/issue-message";
import { localizedSchema } from "@/lib/core/i18n/localized-schema";

/** Turns a zod issue into the message the console shows, in its current language. */
export function useIssueMessage() {
  const locale = useLocale();
  const t = useTranslations("validation");
  return useCallback(
    (issue: z.core.$ZodIssue) => issueMessage(issue, locale, (key, values) => t(key, values)),
    [locale, t],
  );
}

/** The schema for `zodResolver`, with its messages in the console's language (see localizedSchema). */
export function useLocalizedSchema<S extends z.ZodType>(schema: S): S {
  const message = useIssueMessage();
  return useMemo(() => localizedSchema(schema, message), [schema, message]);
}
