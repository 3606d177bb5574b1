import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CategorySectionProps } from "./category-form-types";

/** Who receives it: mandatory, opt-out or opt-in, and whether it is urgent. */
export function CategoryAudienceFields({
  form,
  err,
  aria,
  mandatory,
}: CategorySectionProps & { mandatory: boolean | undefined }) {
  const t = useTranslations("notifications.form");
  return (
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
  );
}
