import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { UseFieldArrayReturn, UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { FormInput, FormOutput } from "./endpoint-form-schema";

/** Custom headers as editable rows; a kept header's value is left empty to keep the stored one. */
export function EndpointHeadersFields({
  form,
  headers,
  err,
}: {
  form: UseFormReturn<FormInput, unknown, FormOutput>;
  headers: UseFieldArrayReturn<FormInput, "headers">;
  err: (
    id: string,
    message?: string,
  ) => { "aria-invalid": boolean; "aria-describedby": string } | { "aria-describedby": string };
}) {
  const t = useTranslations("callbacks");
  const { errors } = form.formState;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("form.headers")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("form.headersHint")}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {headers.fields.map((row, i) => {
          const rowErrors = errors.headers?.[i];
          return (
            <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <div>
                <Input
                  aria-label={`${t("form.headerName")} ${i + 1}`}
                  placeholder="X-Api-Key"
                  readOnly={row.kept}
                  {...err(`header-${i}-name`, rowErrors?.name?.message)}
                  {...form.register(`headers.${i}.name`)}
                />
                {rowErrors?.name ? (
                  <p id={`header-${i}-name-error`} className="mt-1 text-xs text-destructive">
                    {rowErrors.name.message}
                  </p>
                ) : null}
              </div>
              <div>
                <Input
                  aria-label={`${t("form.headerValue")} ${i + 1}`}
                  type="password"
                  autoComplete="off"
                  placeholder={row.kept ? t("form.headerKept") : ""}
                  {...err(`header-${i}-value`, rowErrors?.value?.message)}
                  {...form.register(`headers.${i}.value`)}
                />
                {rowErrors?.value ? (
                  <p id={`header-${i}-value-error`} className="mt-1 text-xs text-destructive">
                    {rowErrors.value.message}
                  </p>
                ) : null}
              </div>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("form.removeHeader", { index: i + 1 })}
                onClick={() => headers.remove(i)}
              >
                <Trash2 aria-hidden />
              </Button>
            </div>
          );
        })}
        {errors.headers?.message ? (
          <p className="text-xs text-destructive">{errors.headers.message}</p>
        ) : null}
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => headers.append({ name: "", value: "", kept: false })}
          >
            <Plus aria-hidden />
            {t("form.addHeader")}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
