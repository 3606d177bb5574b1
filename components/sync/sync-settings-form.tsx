"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { saveSyncSettingsAction } from "@/app/actions/sync";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { selectClass } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  SCHEDULE_PRESETS,
  syncSettingsSchema,
  type SyncSettings,
  type SyncSettingsInput,
} from "@/lib/sync/sync-settings-schema";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-destructive">
      {message}
    </p>
  ) : null;
}

/** Sync rules: when the full sync runs, what hire/leave/termination do to IM accounts, and the mass-change guard. */
export function SyncSettingsForm({
  initial,
  readOnly,
  updatedAt,
}: {
  initial: SyncSettings;
  readOnly: boolean;
  updatedAt: string | null;
}) {
  const t = useTranslations("syncSettings");
  const format = useFormatter();
  const [savedAt, setSavedAt] = useState(updatedAt);
  const form = useForm<SyncSettingsInput, unknown, SyncSettings>({
    resolver: zodResolver(useLocalizedSchema(syncSettingsSchema)),
    defaultValues: initial,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const reasons = useFieldArray({ control: form.control, name: "terminationByReason" });
  const schedule = useWatch({ control: form.control, name: "schedule" });
  const preset =
    schedule === null
      ? "off"
      : (SCHEDULE_PRESETS as readonly string[]).includes(schedule)
        ? schedule
        : "custom";

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveSyncSettingsAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {}))
        form.setError(field as FieldPath<SyncSettingsInput>, { message });
      toast.error(result.error.message);
      return;
    }
    form.reset(result.data);
    setSavedAt(new Date().toISOString());
    toast.success(t("saved"));
  });

  const num = (
    name: "createBeforeStartDays" | "terminationLookAheadDays" | "safetyPercent" | "safetyAbsolute",
  ) => form.register(name, { valueAsNumber: true });
  const described = (name: string, has: boolean) =>
    has ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};

  return (
    <Form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("formLabel")}
      className="flex max-w-3xl flex-col gap-4"
      disabled={readOnly}
    >
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("scheduleTitle")}</CardTitle>
            <CardDescription>{t("scheduleHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="schedule-preset" className="text-sm font-medium">
                {t("schedule")}
              </label>
              <select
                id="schedule-preset"
                className={selectClass}
                value={preset}
                onChange={(e) => {
                  const v = e.target.value;
                  form.setValue(
                    "schedule",
                    v === "off" ? null : v === "custom" ? (schedule ?? "0 3 * * 1-5") : v,
                    { shouldDirty: true, shouldValidate: true },
                  );
                }}
              >
                <option value="off">{t("presetOff")}</option>
                <option value="30 2 * * *">{t("presetNightly")}</option>
                <option value="0 */6 * * *">{t("presetSixHours")}</option>
                <option value="0 * * * *">{t("presetHourly")}</option>
                <option value="custom">{t("presetCustom")}</option>
              </select>
            </div>
            {preset === "custom" ? (
              <div className="flex flex-col gap-1.5">
                <label htmlFor="schedule-cron" className="text-sm font-medium">
                  {t("cron")}
                </label>
                <Controller
                  control={form.control}
                  name="schedule"
                  render={({ field }) => (
                    <Input
                      id="schedule-cron"
                      className="font-mono"
                      value={field.value ?? ""}
                      onChange={(e) => field.onChange(e.target.value)}
                      {...described("schedule", !!errors.schedule)}
                    />
                  )}
                />
                <p className="text-xs text-muted-foreground">{t("cronHint")}</p>
                <FieldError id="schedule-error" message={errors.schedule?.message} />
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <label htmlFor="time-zone" className="text-sm font-medium">
                {t("timeZone")}
              </label>
              <Input
                id="time-zone"
                {...form.register("timeZone")}
                {...described("timeZone", !!errors.timeZone)}
              />
              <p className="text-xs text-muted-foreground">{t("timeZoneHint")}</p>
              <FieldError id="timeZone-error" message={errors.timeZone?.message} />
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("lifecycleTitle")}</CardTitle>
            <CardDescription>{t("lifecycleHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="before-start" className="text-sm font-medium">
                {t("createBeforeStartDays")}
              </label>
              <Input
                id="before-start"
                type="number"
                min={0}
                max={60}
                {...num("createBeforeStartDays")}
                {...described("createBeforeStartDays", !!errors.createBeforeStartDays)}
              />
              <p className="text-xs text-muted-foreground">{t("createBeforeStartHint")}</p>
              <FieldError
                id="createBeforeStartDays-error"
                message={errors.createBeforeStartDays?.message}
              />
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="look-ahead" className="text-sm font-medium">
                {t("terminationLookAheadDays")}
              </label>
              <Input
                id="look-ahead"
                type="number"
                min={0}
                max={365}
                {...num("terminationLookAheadDays")}
                {...described("terminationLookAheadDays", !!errors.terminationLookAheadDays)}
              />
              <p className="text-xs text-muted-foreground">{t("terminationLookAheadHint")}</p>
              <FieldError
                id="terminationLookAheadDays-error"
                message={errors.terminationLookAheadDays?.message}
              />
            </div>
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1 text-sm font-medium">{t("onLeave")}</legend>
              {(["keep", "suspend"] as const).map((v) => (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input type="radio" value={v} {...form.register("onLeave")} />
                  {t(`onLeave_${v}`)}
                </label>
              ))}
            </fieldset>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="termination-default" className="text-sm font-medium">
                {t("terminationDefault")}
              </label>
              <select
                id="termination-default"
                className={selectClass}
                {...form.register("terminationDefault")}
              >
                <option value="end_of_day">{t("timing_end_of_day")}</option>
                <option value="immediate">{t("timing_immediate")}</option>
              </select>
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="delete-after" className="text-sm font-medium">
                {t("deleteAfterDays")}
              </label>
              <Controller
                control={form.control}
                name="deleteAfterDays"
                render={({ field }) => (
                  <Input
                    id="delete-after"
                    type="number"
                    min={0}
                    placeholder={t("never")}
                    value={field.value ?? ""}
                    onChange={(e) =>
                      field.onChange(e.target.value === "" ? null : Number(e.target.value))
                    }
                    {...described("deleteAfterDays", !!errors.deleteAfterDays)}
                  />
                )}
              />
              <p className="text-xs text-muted-foreground">{t("deleteAfterHint")}</p>
              <FieldError id="deleteAfterDays-error" message={errors.deleteAfterDays?.message} />
            </div>
            <fieldset className="flex flex-col gap-2 md:col-span-2">
              <legend className="mb-1 text-sm font-medium">{t("byReason")}</legend>
              <p className="text-xs text-muted-foreground">{t("byReasonHint")}</p>
              {reasons.fields.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noReasons")}</p>
              ) : null}
              <ul className="flex flex-col gap-2">
                {reasons.fields.map((row, i) => (
                  <li key={row.id} className="flex flex-wrap items-start gap-2">
                    <div className="flex min-w-48 flex-1 flex-col gap-1">
                      <Input
                        aria-label={t("reasonLabel", { n: i + 1 })}
                        placeholder={t("reasonPlaceholder")}
                        {...form.register(`terminationByReason.${i}.reason`)}
                        {...described(
                          `terminationByReason.${i}.reason`,
                          !!errors.terminationByReason?.[i]?.reason,
                        )}
                      />
                      <FieldError
                        id={`terminationByReason.${i}.reason-error`}
                        message={errors.terminationByReason?.[i]?.reason?.message}
                      />
                    </div>
                    <select
                      aria-label={t("timingLabel", { n: i + 1 })}
                      className={selectClass}
                      {...form.register(`terminationByReason.${i}.timing`)}
                    >
                      <option value="immediate">{t("timing_immediate")}</option>
                      <option value="end_of_day">{t("timing_end_of_day")}</option>
                    </select>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      aria-label={t("removeReason", { n: i + 1 })}
                      onClick={() => reasons.remove(i)}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
              <div>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => reasons.append({ reason: "", timing: "immediate" })}
                >
                  <Plus aria-hidden />
                  {t("addReason")}
                </Button>
              </div>
            </fieldset>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("safetyTitle")}</CardTitle>
            <CardDescription>{t("safetyHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="safety-percent" className="text-sm font-medium">
                {t("safetyPercent")}
              </label>
              <Input
                id="safety-percent"
                type="number"
                min={0}
                max={100}
                step="0.1"
                {...num("safetyPercent")}
                {...described("safetyPercent", !!errors.safetyPercent)}
              />
              <FieldError id="safetyPercent-error" message={errors.safetyPercent?.message} />
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="safety-absolute" className="text-sm font-medium">
                {t("safetyAbsolute")}
              </label>
              <Input
                id="safety-absolute"
                type="number"
                min={0}
                {...num("safetyAbsolute")}
                {...described("safetyAbsolute", !!errors.safetyAbsolute)}
              />
              <FieldError id="safetyAbsolute-error" message={errors.safetyAbsolute?.message} />
            </div>
          </CardContent>
        </Card>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        {readOnly ? (
          <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
        ) : (
          <Button type="submit" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
        )}
        {savedAt ? (
          <p className="text-xs text-muted-foreground">
            {t("lastSaved", {
              at: format.dateTime(new Date(savedAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        ) : null}
      </div>
    </Form>
  );
}
