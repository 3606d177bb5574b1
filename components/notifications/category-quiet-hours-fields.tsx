import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { TimeZoneOptions } from "./time-zone-options";
import type { CategorySectionProps } from "./category-form-types";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Quiet hours: the window, its zone and weekdays, and what happens inside it. */
export function CategoryQuietHoursFields({
  form,
  err,
  aria,
  quietEnabled,
  mayDeliverInQuiet,
}: CategorySectionProps & {
  quietEnabled: boolean | undefined;
  mayDeliverInQuiet: boolean | undefined;
}) {
  const t = useTranslations("notifications.form");
  const tw = useTranslations("notifications.weekdays");
  return (
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
  );
}
