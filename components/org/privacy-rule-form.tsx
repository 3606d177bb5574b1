"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";
import {
  privacyRuleFormSchema,
  type PrivacyRuleFormValues,
} from "@/lib/org/directory-privacy-schema";

type Output = z.output<typeof privacyRuleFormSchema>;

const DEFAULTS: PrivacyRuleFormValues = {
  label: "",
  unitCodes: "",
  titles: "",
  grades: "",
  hideMobile: true,
  hideEmail: false,
  seniorMode: false,
};
const SWITCHES = ["hideMobile", "hideEmail", "seniorMode"] as const;
const FIELDS = ["label", "unitCodes", "titles", "grades", ...SWITCHES] as const;
type Field = (typeof FIELDS)[number];

/** The first message under a field, whether the issue is on the list itself or on one of its items. */
function messageOf(errors: FieldErrors<PrivacyRuleFormValues>, field: Field): string | undefined {
  const node = errors[field] as
    { message?: string; [i: number]: { message?: string } | undefined } | undefined;
  if (!node) return undefined;
  if (node.message) return node.message;
  for (const item of Object.values(node)) {
    const message = (item as { message?: string } | undefined)?.message;
    if (message) return message;
  }
  return undefined;
}

/**
 * "Add a privacy rule": checked in the browser with the server's own rule schema (units, titles and
 * grades typed as lists), then saved; the server's refusals (an option an IM cannot honour) land
 * under the field they name.
 */
export function PrivacyRuleForm({
  submit,
}: {
  /** Saves the rule; resolves to the server's field errors (keys relative to the rule), or null. */
  submit: (rule: Output) => Promise<Record<string, string> | null>;
}) {
  const t = useTranslations("privacy");
  const form = useForm<PrivacyRuleFormValues, unknown, Output>({
    resolver: zodResolver(useLocalizedSchema(privacyRuleFormSchema)),
    defaultValues: DEFAULTS,
  });
  const { errors, isSubmitting } = form.formState;
  const err = (field: Field) => messageOf(errors, field);

  const onSubmit = form.handleSubmit(async (rule) => {
    const fieldErrors = await submit(rule);
    if (!fieldErrors) return form.reset(DEFAULTS);
    for (const [key, message] of Object.entries(fieldErrors)) {
      const field = FIELDS.find((f) => key === f || key.startsWith(`${f}.`));
      form.setError(field ?? "root", { message });
    }
  });

  const list = (field: "unitCodes" | "titles" | "grades", id: string, label: string) => (
    <FormField id={id} label={label} error={err(field)} hint={t("listHint")}>
      <Input id={id} {...form.register(field)} {...describedBy(id, err(field), true)} />
    </FormField>
  );
  const switchError = err("hideMobile") ?? err("hideEmail") ?? err("seniorMode");

  return (
    <Form
      aria-label={t("addTitle")}
      className="grid gap-3 rounded-md border p-4 md:grid-cols-4"
      onSubmit={onSubmit}
      noValidate
    >
      <FormField id="privacy-label" label={t("label")} error={err("label")}>
        <Input
          id="privacy-label"
          {...form.register("label")}
          {...describedBy("privacy-label", err("label"))}
        />
      </FormField>
      {list("unitCodes", "privacy-units", t("units"))}
      {list("titles", "privacy-titles", t("titles"))}
      {list("grades", "privacy-grades", t("grades"))}
      <fieldset className="flex flex-wrap gap-4 md:col-span-4">
        <legend className="sr-only">{t("actions")}</legend>
        {SWITCHES.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register(k)} aria-invalid={err(k) ? true : undefined} />
            {t(k)}
          </label>
        ))}
      </fieldset>
      {switchError || errors.root?.message ? (
        <p role="alert" className="text-xs text-destructive md:col-span-4">
          {switchError ?? errors.root?.message}
        </p>
      ) : null}
      <div className="md:col-span-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("add")}
        </Button>
      </div>
    </Form>
  );
}
