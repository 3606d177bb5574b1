"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { saveRetentionSettingsAction } from "@/app/actions/retention";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";
import type { EffectiveRetention } from "@/lib/retention/rules/effective-retention";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "@/lib/retention/retention-kinds";
import {
  retentionSettingsSchema,
  type RetentionSettings,
  type RetentionSettingsInput,
} from "@/lib/retention/retention-settings-schema";

// An empty field means "the default"; anything else goes to zod as a number (NaN is refused).
const toDays = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/** How long each kind of record is kept: the default, the admin's value, and the one in force. */
export function RetentionSettingsForm({
  kinds,
  readOnly,
  updatedAt,
}: {
  kinds: EffectiveRetention[];
  readOnly: boolean;
  updatedAt: string | null;
}) {
  const t = useTranslations("retention");
  const format = useFormatter();
  const [savedAt, setSavedAt] = useState(updatedAt);
  const defaults = Object.fromEntries(kinds.map((k) => [k.kind, k.setDays])) as RetentionSettings;
  const form = useForm<RetentionSettingsInput, unknown, RetentionSettings>({
    resolver: zodResolver(useLocalizedSchema(retentionSettingsSchema)),
    defaultValues: defaults,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const values = useWatch({ control: form.control });

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await saveRetentionSettingsAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {}))
        form.setError(field as FieldPath<RetentionSettingsInput>, { message });
      toast.error(result.error.message);
      return;
    }
    form.reset(result.data);
    setSavedAt(new Date().toISOString());
    toast.success(t("saved"));
  });

  return (
    <Form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("formLabel")}
      className="max-w-5xl"
      disabled={readOnly || isSubmitting}
    >
      <Card>
        <CardHeader>
          <CardTitle>{t("settingsTitle")}</CardTitle>
          <CardDescription>
            {t("settingsHint", { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset>
            <legend className="sr-only">{t("settingsTitle")}</legend>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("kind")}</TableHead>
                  <TableHead className="text-right">{t("defaultDays")}</TableHead>
                  <TableHead>{t("keepFor")}</TableHead>
                  <TableHead className="text-right">{t("inForce")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {kinds.map(({ kind, defaultDays }) => {
                  const error = errors[kind]?.message;
                  const current = values[kind];
                  const inForce =
                    typeof current === "number" && Number.isInteger(current)
                      ? current
                      : defaultDays;
                  return (
                    <TableRow key={kind}>
                      <TableCell>
                        <label htmlFor={`retention-${kind}`} className="font-medium">
                          {t(`kinds.${kind}.label`)}
                        </label>
                        <p className="text-xs text-muted-foreground">{t(`kinds.${kind}.hint`)}</p>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {t("days", { days: defaultDays })}
                      </TableCell>
                      <TableCell>
                        <Input
                          id={`retention-${kind}`}
                          type="number"
                          inputMode="numeric"
                          min={MIN_RETENTION_DAYS}
                          max={MAX_RETENTION_DAYS}
                          placeholder={t("placeholder", { days: defaultDays })}
                          className="w-36"
                          {...form.register(kind, { setValueAs: toDays })}
                          {...(error
                            ? {
                                "aria-invalid": true,
                                "aria-describedby": `retention-${kind}-error`,
                              }
                            : {})}
                        />
                        {error ? (
                          <p
                            id={`retention-${kind}-error`}
                            className="mt-1 text-xs text-destructive"
                          >
                            {error}
                          </p>
                        ) : null}
                      </TableCell>
                      <TableCell
                        className="text-right tabular-nums"
                        data-testid={`retention-in-force-${kind}`}
                      >
                        {t("days", { days: inForce })}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </fieldset>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            {readOnly ? (
              <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
            ) : (
              <Button type="submit" disabled={isSubmitting || !isDirty} aria-busy={isSubmitting}>
                {isSubmitting ? t("saving") : t("save")}
              </Button>
            )}
            <p className="text-xs text-muted-foreground">
              {savedAt
                ? t("lastSaved", {
                    when: format.dateTime(new Date(savedAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })
                : t("neverSaved")}
            </p>
          </div>
        </CardContent>
      </Card>
    </Form>
  );
}
