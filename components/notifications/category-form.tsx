"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { createCategoryAction, updateCategoryAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import {
  categoryInputSchema,
  defaultCategoryInput,
  type CategoryInput,
} from "@/lib/notifications/category-input-schema";
import { notificationChannels } from "@/lib/notifications/policy-schema";
import { FormField, selectClass, textareaClass } from "@/components/ui/form-field";
import { TimeZoneOptions } from "./time-zone-options";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

type FormValues = z.input<typeof categoryInputSchema>;
type Props = {
  /** The category being edited; absent for a new one. */
  existing?: { id: string; version: number; policy: CategoryInput };
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The policy form: the server's own schema validates it here and again in the action. */
export function CategoryForm({ existing }: Props) {
  const t = useTranslations("notifications.form");
  const tw = useTranslations("notifications.weekdays");
  const router = useRouter();
  const form = useForm<FormValues>({
    resolver: zodResolver(useLocalizedSchema(categoryInputSchema)),
    defaultValues: existing?.policy ?? defaultCategoryInput,
    mode: "onTouched",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [mandatory, urgent, quietEnabled, throttlePerDay] = useWatch({
    control: form.control,
    name: ["mandatory", "urgent", "quietHours.enabled", "throttlePerDay"],
  });
  const mayDeliverInQuiet = mandatory && urgent;

  const onSubmit = form.handleSubmit(async (values) => {
    const policy = categoryInputSchema.parse(values);
    const result = existing
      ? await updateCategoryAction({ id: existing.id, policy })
      : await createCategoryAction(policy);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        const path = field.replace(/^policy\./, "");
        if (path !== "_")
          form.setError(path as FieldPath<FormValues>, { message }, { shouldFocus: true });
      }
      toast.error(result.error.message);
      return;
    }
    if (existing && result.data.version === existing.version) {
      toast.info(t("unchanged"));
      return;
    }
    toast.success(
      existing
        ? t("saved", { version: result.data.version })
        : t("created", { key: result.data.key }),
    );
    form.reset(policy);
    router.push(`/notifications/categories/${encodeURIComponent(result.data.key)}`);
    router.refresh();
  });

  const err = (path: string) => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  const aria = (id: string, path: string) => ({
    "aria-invalid": !!err(path),
    "aria-describedby": err(path) ? `${id}-error` : `${id}-hint`,
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? t("editLabel") : t("createLabel")}
      className="flex flex-col gap-4"
    >
      <Card>
        <CardHeader>
          <CardTitle>{t("identity")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <FormField
            id="cat-key"
            label={t("key")}
            error={err("key")}
            hint={existing ? t("keyLocked") : t("keyHint")}
          >
            <Input
              id="cat-key"
              {...aria("cat-key", "key")}
              readOnly={!!existing}
              className="font-mono"
              placeholder="payslip-ready"
              {...form.register("key")}
            />
          </FormField>
          <div className="hidden md:block" />
          <FormField id="cat-name-zh" label={t("nameZh")} error={err("nameZh")}>
            <Input
              id="cat-name-zh"
              lang="zh-CN"
              {...aria("cat-name-zh", "nameZh")}
              {...form.register("nameZh")}
            />
          </FormField>
          <FormField id="cat-name-en" label={t("nameEn")} error={err("nameEn")}>
            <Input
              id="cat-name-en"
              lang="en"
              {...aria("cat-name-en", "nameEn")}
              {...form.register("nameEn")}
            />
          </FormField>
          <FormField
            id="cat-desc-zh"
            label={t("descriptionZh")}
            error={err("descriptionZh")}
            hint={t("descriptionHint")}
          >
            <textarea
              id="cat-desc-zh"
              lang="zh-CN"
              className={textareaClass}
              {...aria("cat-desc-zh", "descriptionZh")}
              {...form.register("descriptionZh")}
            />
          </FormField>
          <FormField id="cat-desc-en" label={t("descriptionEn")} error={err("descriptionEn")}>
            <textarea
              id="cat-desc-en"
              lang="en"
              className={textareaClass}
              {...aria("cat-desc-en", "descriptionEn")}
              {...form.register("descriptionEn")}
            />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("who")}</CardTitle>
          <CardDescription>{t("whoHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <Controller
            control={form.control}
            name="mandatory"
            render={({ field }) => {
              const mode = field.value
                ? "mandatory"
                : form.getValues("defaultOptIn")
                  ? "optOut"
                  : "optIn";
              const choose = (next: string) => {
                field.onChange(next === "mandatory");
                if (next !== "mandatory") {
                  form.setValue("defaultOptIn", next === "optOut", { shouldDirty: true });
                  form.setValue("urgent", false, { shouldDirty: true });
                  if (form.getValues("quietAction") === "deliver")
                    form.setValue("quietAction", "defer", { shouldDirty: true });
                }
              };
              return (
                <fieldset className="flex flex-col gap-2">
                  <legend className="sr-only">{t("who")}</legend>
                  {(["mandatory", "optOut", "optIn"] as const).map((m) => (
                    <label key={m} className="flex items-start gap-2 text-sm">
                      <input
                        type="radio"
                        name="cat-mode"
                        value={m}
                        checked={mode === m}
                        onChange={() => choose(m)}
                        className="mt-1"
                      />
                      <span>
                        <span className="font-medium">{t(`modes.${m}`)}</span>
                        <span className="block text-xs text-muted-foreground">
                          {t(`modes.${m}Hint`)}
                        </span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            }}
          />
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              disabled={!mandatory}
              {...form.register("urgent", {
                onChange: (e: { target: { checked: boolean } }) => {
                  if (!e.target.checked && form.getValues("quietAction") === "deliver")
                    form.setValue("quietAction", "defer", { shouldDirty: true });
                },
              })}
            />
            <span>
              <span className="font-medium">{t("urgent")}</span>
              <span className="block text-xs text-muted-foreground">{t("urgentHint")}</span>
            </span>
          </label>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("quiet")}</CardTitle>
          <CardDescription>{t("quietHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" {...form.register("quietHours.enabled")} />
            {t("quietEnabled")}
          </label>
          <fieldset
            disabled={!quietEnabled}
            className="grid gap-4 disabled:opacity-60 md:grid-cols-3"
          >
            <legend className="sr-only">{t("quiet")}</legend>
            <FormField id="cat-quiet-start" label={t("quietStart")} error={err("quietHours.start")}>
              <Input
                id="cat-quiet-start"
                type="time"
                {...aria("cat-quiet-start", "quietHours.start")}
                {...form.register("quietHours.start")}
              />
            </FormField>
            <FormField
              id="cat-quiet-end"
              label={t("quietEnd")}
              error={err("quietHours.end")}
              hint={t("quietEndHint")}
            >
              <Input
                id="cat-quiet-end"
                type="time"
                {...aria("cat-quiet-end", "quietHours.end")}
                {...form.register("quietHours.end")}
              />
            </FormField>
            <Controller
              control={form.control}
              name="quietHours.timeZone"
              render={({ field }) => (
                <FormField
                  id="cat-quiet-zone"
                  label={t("quietZone")}
                  error={err("quietHours.timeZone")}
                  hint={t("quietZoneHint")}
                >
                  <Input
                    id="cat-quiet-zone"
                    list="cat-quiet-zones"
                    placeholder={t("quietZonePlaceholder")}
                    {...aria("cat-quiet-zone", "quietHours.timeZone")}
                    value={field.value ?? ""}
                    onChange={(e) =>
                      field.onChange(e.target.value.trim() === "" ? null : e.target.value)
                    }
                    onBlur={field.onBlur}
                  />
                  <TimeZoneOptions id="cat-quiet-zones" />
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="quietHours.weekdays"
              render={({ field }) => (
                <fieldset
                  className="flex flex-col gap-1.5 md:col-span-3"
                  aria-describedby="cat-weekdays-hint"
                >
                  <legend className="mb-1 text-sm font-medium">{t("quietWeekdays")}</legend>
                  <div className="flex flex-wrap gap-3">
                    {WEEKDAYS.map((d) => (
                      <label key={d} className="flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          checked={field.value.includes(d)}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked
                                ? [...field.value, d].sort((a, b) => a - b)
                                : field.value.filter((x) => x !== d),
                            )
                          }
                        />
                        {tw(String(d))}
                      </label>
                    ))}
                  </div>
                  {err("quietHours.weekdays") ? (
                    <p className="text-xs text-destructive">{err("quietHours.weekdays")}</p>
                  ) : (
                    <p id="cat-weekdays-hint" className="text-xs text-muted-foreground">
                      {t("quietWeekdaysHint")}
                    </p>
                  )}
                </fieldset>
              )}
            />
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("quietAction")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="defer" {...form.register("quietAction")} />
              {t("quietActions.defer")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                value="deliver"
                disabled={!mayDeliverInQuiet}
                {...form.register("quietAction")}
              />
              {t("quietActions.deliver")}
            </label>
            {err("quietAction") ? (
              <p className="text-xs text-destructive">{err("quietAction")}</p>
            ) : (
              <p className="text-xs text-muted-foreground">
                {mayDeliverInQuiet ? t("quietDeliverAllowed") : t("quietDeliverOnlyUrgent")}
              </p>
            )}
          </fieldset>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("delivery")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          <FormField id="cat-channel" label={t("channel")} error={err("channel")}>
            <select id="cat-channel" className={selectClass} {...form.register("channel")}>
              {notificationChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          </FormField>
          <Controller
            control={form.control}
            name="fallbackChannel"
            render={({ field }) => (
              <FormField
                id="cat-fallback"
                label={t("fallbackChannel")}
                error={err("fallbackChannel")}
                hint={t("fallbackHint")}
              >
                <select
                  id="cat-fallback"
                  className={selectClass}
                  {...aria("cat-fallback", "fallbackChannel")}
                  value={field.value ?? ""}
                  onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
                >
                  <option value="">{t("noFallback")}</option>
                  {notificationChannels.map((c) => (
                    <option key={c} value={c}>
                      {t(`channels.${c}`)}
                    </option>
                  ))}
                </select>
              </FormField>
            )}
          />
          <Controller
            control={form.control}
            name="throttlePerDay"
            render={({ field }) => (
              <FormField
                id="cat-throttle"
                label={t("throttlePerDay")}
                error={err("throttlePerDay")}
                hint={t("throttleHint")}
              >
                <Input
                  id="cat-throttle"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  placeholder={t("unlimited")}
                  {...aria("cat-throttle", "throttlePerDay")}
                  value={field.value ?? ""}
                  onChange={(e) =>
                    field.onChange(e.target.value === "" ? null : Number(e.target.value))
                  }
                  onBlur={field.onBlur}
                />
              </FormField>
            )}
          />
          <FormField
            id="cat-throttle-action"
            label={t("throttleAction")}
            error={err("throttleAction")}
          >
            <select
              id="cat-throttle-action"
              className={selectClass}
              disabled={throttlePerDay == null}
              {...form.register("throttleAction")}
            >
              <option value="defer">{t("throttleActions.defer")}</option>
              <option value="drop">{t("throttleActions.drop")}</option>
            </select>
          </FormField>
        </CardContent>
      </Card>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting || (!!existing && !isDirty)}>
          <Save aria-hidden />
          {isSubmitting
            ? t("saving")
            : existing
              ? t("saveVersion", { version: existing.version + 1 })
              : t("create")}
        </Button>
        {existing ? (
          <span className="text-xs text-muted-foreground">{t("versionNote")}</span>
        ) : null}
      </div>
    </form>
  );
}
