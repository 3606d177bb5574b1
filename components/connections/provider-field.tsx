"use client";
import { useLocale, useTranslations } from "next-intl";
import type { FieldError, UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { FieldSpec } from "@/lib/connections/rules/describe-provider-fields";
import type { ConnectionFormValues } from "@/lib/connections/queries/to-form-values";

type Props = {
  section: "config" | "secrets";
  field: FieldSpec;
  register: UseFormRegister<ConnectionFormValues>;
  error?: FieldError;
  /** Editing a saved connection: an empty secret keeps the stored one. */
  editing: boolean;
};

/** One input generated from a provider's schema: label and help from `.meta()` in the current locale. */
export function ProviderField({ section, field, register, error, editing }: Props) {
  const t = useTranslations("connections");
  const lang = useLocale() === "en" ? "en" : "zh";
  const id = `connection-${section}-${field.key}`;
  const name = `${section}.${field.key}` as const;
  const hintId = `${id}-hint`;
  const help =
    field.type === "json"
      ? [field.help?.[lang], t("jsonHint")].filter(Boolean).join(" ")
      : field.help?.[lang];
  const a11y = {
    id,
    "aria-invalid": !!error,
    "aria-describedby": error || help ? hintId : undefined,
  };
  const hint = error ? (
    <p id={hintId} className="text-xs text-destructive">
      {error.message}
    </p>
  ) : help ? (
    <p id={hintId} className="text-xs text-muted-foreground">
      {help}
    </p>
  ) : null;

  if (field.type === "boolean") {
    return (
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" {...a11y} {...register(name)} />
          {field.label[lang]}
        </label>
        {hint}
      </div>
    );
  }

  const label = (
    <label htmlFor={id} className="text-sm font-medium">
      {field.label[lang]}
      {field.required ? (
        <span className="ml-1 text-xs text-muted-foreground">({t("required")})</span>
      ) : null}
    </label>
  );
  let control;
  if (field.type === "enum") {
    control = (
      <select
        {...a11y}
        className="h-9 rounded-md border bg-card px-2 text-sm aria-invalid:border-destructive"
        {...register(name)}
      >
        {field.required && field.default === undefined ? (
          <option value="">{t("choose")}</option>
        ) : null}
        {!field.required ? <option value="">—</option> : null}
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "json") {
    control = (
      <textarea
        {...a11y}
        rows={3}
        spellCheck={false}
        className="rounded-md border bg-card px-3 py-2 font-mono text-xs aria-invalid:border-destructive"
        {...register(name)}
      />
    );
  } else if (field.secret) {
    control = (
      <Input
        {...a11y}
        type="password"
        autoComplete="new-password"
        placeholder={editing ? t("secretKeep") : undefined}
        {...register(name)}
      />
    );
  } else {
    control = (
      <Input
        {...a11y}
        type={field.type === "number" ? "number" : field.type === "url" ? "url" : "text"}
        {...register(name)}
      />
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      {label}
      {control}
      {hint}
    </div>
  );
}
