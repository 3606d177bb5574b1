"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { createScimConnectionAction } from "@/app/actions/scim";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";
import { createScimConnectionSchema } from "@/lib/scim/scim-connection-schema";
import { SecretShownOnce } from "@/components/credentials/secret-shown-once";
import { showActionError } from "@/components/credentials/show-action-error";

type FormValues = z.input<typeof createScimConnectionSchema>;

/** Creates a SCIM inbound connection and shows its token once. */
export function CreateScimConnectionForm() {
  const t = useTranslations("scim");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(useLocalizedSchema(createScimConnectionSchema)),
    defaultValues: { name: "", fallbackUnitCode: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createScimConnectionAction(values);
    if (!result.ok) return showActionError(form, result.error);
    setCreated({ name: values.name, token: result.data.token });
    form.reset();
    toast.success(t("created"));
  });
  return (
    <div className="flex flex-col gap-3">
      {created ? (
        <SecretShownOnce
          title={t("showOnce", { name: created.name })}
          values={[{ value: created.token, testId: "scim-token" }]}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
      <Form
        onSubmit={onSubmit}
        aria-label={t("createTitle")}
        className="grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]"
        noValidate
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="scim-name" className="text-sm font-medium">
            {t("name")}
          </label>
          <Input
            id="scim-name"
            aria-invalid={!!errors.name}
            aria-describedby={errors.name ? "scim-name-error" : undefined}
            placeholder={t("namePlaceholder")}
            {...form.register("name")}
          />
          {errors.name ? (
            <p id="scim-name-error" className="text-xs text-destructive">
              {errors.name.message}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="scim-fallback" className="text-sm font-medium">
            {t("fallbackUnit")}
          </label>
          <Input
            id="scim-fallback"
            aria-invalid={!!errors.fallbackUnitCode}
            aria-describedby={errors.fallbackUnitCode ? "scim-fallback-error" : undefined}
            placeholder={t("fallbackPlaceholder")}
            {...form.register("fallbackUnitCode")}
          />
          {errors.fallbackUnitCode ? (
            <p id="scim-fallback-error" className="text-xs text-destructive">
              {errors.fallbackUnitCode.message}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </Button>
      </Form>
    </div>
  );
}
