"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { createCategoryAction, updateCategoryAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import {
  categoryInputSchema,
  defaultCategoryInput,
  type CategoryInput,
} from "@/lib/notifications/category-input-schema";
import { CategoryAudienceFields } from "./category-audience-fields";
import { CategoryDeliveryFields } from "./category-delivery-fields";
import type { CategoryFormValues } from "./category-form-types";
import { CategoryIdentityFields } from "./category-identity-fields";
import { CategoryQuietHoursFields } from "./category-quiet-hours-fields";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

type FormValues = CategoryFormValues;
type Props = {
  /** The category being edited; absent for a new one. */
  existing?: { id: string; version: number; policy: CategoryInput };
};

/** The policy form: the server's own schema validates it here and again in the action. */
export function CategoryForm({ existing }: Props) {
  const t = useTranslations("notifications.form");
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
    <Form
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? t("editLabel") : t("createLabel")}
      className="flex flex-col gap-4"
    >
      <CategoryIdentityFields form={form} err={err} aria={aria} existing={!!existing} />
      <CategoryAudienceFields form={form} err={err} aria={aria} mandatory={mandatory} />
      <CategoryQuietHoursFields
        form={form}
        err={err}
        aria={aria}
        quietEnabled={quietEnabled}
        mayDeliverInQuiet={mayDeliverInQuiet}
      />
      <CategoryDeliveryFields form={form} err={err} aria={aria} throttlePerDay={throttlePerDay} />

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
    </Form>
  );
}
