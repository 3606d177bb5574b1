import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { notificationChannels } from "@/lib/notifications/policy-schema";
import { FormField, selectClass } from "@/components/ui/form-field";
import type { CategorySectionProps } from "./category-form-types";

/** Channel, fallback channel and the daily throttle. */
export function CategoryDeliveryFields({
  form,
  err,
  aria,
  throttlePerDay,
}: CategorySectionProps & { throttlePerDay: number | null | undefined }) {
  const t = useTranslations("notifications.form");
  return (
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
  );
}
