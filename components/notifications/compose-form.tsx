"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Send, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { sendNotificationAction } from "@/app/actions/notifications";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  notificationInputSchemaFor,
  orgUnitRecipientSchema,
  utf8Bytes,
  type NotificationRecipients,
} from "@/lib/notifications/notification-input-schema";
import { AudiencePreview } from "./audience-preview";
import { CategoryBadges } from "./category-badges";
import { EmployeePicker } from "./employee-picker";
import { FormField, selectClass, textareaClass } from "@/components/ui/form-field";
import { OrgTreePicker } from "./org-tree-picker";
import { OrgUnitPicker } from "./org-unit-picker";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

type CategoryOption = {
  key: string;
  name: string;
  mandatory: boolean;
  urgent: boolean;
  defaultOptIn: boolean;
};
type Props = { categories: CategoryOption[]; maxBodyBytes: number; targetName: string | null };

const splitNos = (text: string) => [
  ...new Set(
    text
      .split(/[\s,，;；]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** The server's schema with the recipients edited as a text list of 工号, a unit list and a switch. */
function composeSchema(maxBodyBytes: number) {
  return notificationInputSchemaFor(maxBodyBytes)
    .omit({ recipients: true })
    .extend({
      employeeNosText: z.string(),
      orgUnits: z.array(orgUnitRecipientSchema),
      everyone: z.boolean(),
    });
}
type FormValues = z.input<ReturnType<typeof composeSchema>>;

const toRecipients = (
  v: Pick<FormValues, "employeeNosText" | "orgUnits" | "everyone">,
): NotificationRecipients => ({
  ...(v.everyone ? { everyone: true } : {}),
  ...(splitNos(v.employeeNosText).length ? { employeeNos: splitNos(v.employeeNosText) } : {}),
  ...(v.orgUnits.length
    ? {
        orgUnits: v.orgUnits.map((u) => ({
          code: u.code,
          includeDescendants: u.includeDescendants ?? true,
        })),
      }
    : {}),
});

/** Compose and send one notification: category, audience (with a live count), title, body, link. */
export function ComposeForm({ categories, maxBodyBytes, targetName }: Props) {
  const t = useTranslations("notifications.compose");
  const router = useRouter();
  const schema = useMemo(() => composeSchema(maxBodyBytes), [maxBodyBytes]);
  // One key per composed notification: a double submit or a retry after a lost answer sends it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<FormValues>({
    resolver: zodResolver(useLocalizedSchema(schema)),
    defaultValues: {
      category: categories[0]?.key ?? "",
      employeeNosText: "",
      orgUnits: [],
      everyone: false,
      title: "",
      body: "",
      link: "",
    },
    mode: "onTouched",
  });
  const units = useFieldArray({ control: form.control, name: "orgUnits" });
  const { errors, isSubmitting } = form.formState;
  const [categoryKey, body, employeeNosText, orgUnits, everyone] = useWatch({
    control: form.control,
    name: ["category", "body", "employeeNosText", "orgUnits", "everyone"],
  });
  const recipients = toRecipients({ employeeNosText, orgUnits, everyone });
  const bytes = utf8Bytes((body ?? "").trim());
  const category = categories.find((c) => c.key === categoryKey);
  const [recipientsError, setRecipientsError] = useState<string | null>(null);
  const addUnit = (code: string) => {
    if (!form.getValues("orgUnits").some((u) => u.code === code))
      units.append({ code, includeDescendants: true });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const r = toRecipients(values);
    if (!r.everyone && !r.employeeNos && !r.orgUnits) {
      setRecipientsError(t("recipientsRequired"));
      return;
    }
    setRecipientsError(null);
    const result = await sendNotificationAction({
      idempotencyKey,
      input: {
        category: values.category,
        recipients: r,
        title: values.title,
        body: values.body,
        link: values.link || undefined,
      },
    });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        const path = field.replace(/^input\./, "");
        if (path.startsWith("recipients")) setRecipientsError(message);
        else if (path !== "_")
          form.setError(path as FieldPath<FormValues>, { message }, { shouldFocus: true });
      }
      toast.error(result.error.message);
      return;
    }
    toast.success(
      result.data.created ? t("sent", { count: result.data.recipientCount }) : t("alreadySent"),
    );
    setIdempotencyKey(crypto.randomUUID());
    router.push(`/notifications/log/${result.data.id}`);
  });

  if (categories.length === 0) {
    return (
      <Card>
        <CardContent className="pt-5 text-sm text-muted-foreground">
          {t("noCategories")}
        </CardContent>
      </Card>
    );
  }

  return (
    <Form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("title")}
      className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]"
    >
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("what")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <FormField
              id="compose-category"
              label={t("category")}
              error={errors.category?.message}
              hint={
                category ? (
                  <CategoryBadges
                    mandatory={category.mandatory}
                    urgent={category.urgent}
                    defaultOptIn={category.defaultOptIn}
                  />
                ) : null
              }
            >
              <select
                id="compose-category"
                className={selectClass}
                aria-invalid={!!errors.category}
                {...form.register("category")}
              >
                {categories.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name} ({c.key})
                  </option>
                ))}
              </select>
            </FormField>
            <FormField id="compose-title" label={t("titleField")} error={errors.title?.message}>
              <Input id="compose-title" aria-invalid={!!errors.title} {...form.register("title")} />
            </FormField>
            <div className="flex flex-col gap-1.5">
              <div className="flex items-baseline justify-between">
                <label htmlFor="compose-body" className="text-sm font-medium">
                  {t("body")}
                </label>
                <span
                  id="compose-body-bytes"
                  className={
                    bytes > maxBodyBytes
                      ? "text-xs font-medium text-destructive"
                      : "text-xs text-muted-foreground"
                  }
                  aria-live="polite"
                >
                  {t("bytes", { bytes, max: maxBodyBytes })}
                </span>
              </div>
              <textarea
                id="compose-body"
                rows={6}
                className={textareaClass}
                aria-invalid={!!errors.body}
                aria-describedby="compose-body-bytes"
                {...form.register("body")}
              />
              {errors.body ? (
                <p className="text-xs text-destructive">{errors.body.message}</p>
              ) : (
                <p className="text-xs text-muted-foreground">
                  {t("bodyHint", { target: targetName ?? t("noTarget") })}
                </p>
              )}
            </div>
            <FormField
              id="compose-link"
              label={t("link")}
              error={errors.link?.message}
              hint={t("linkHint")}
            >
              <Input
                id="compose-link"
                type="url"
                placeholder="https://"
                aria-invalid={!!errors.link}
                {...form.register("link")}
              />
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("recipients")}</CardTitle>
            <CardDescription>{t("recipientsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" {...form.register("everyone")} />
              {t("everyone")}
            </label>
            <FormField
              id="compose-employee-nos"
              label={t("employeeNos")}
              hint={t("employeeNosHint")}
            >
              <textarea
                id="compose-employee-nos"
                rows={2}
                className={textareaClass}
                placeholder="XH000004, XH000005"
                {...form.register("employeeNosText")}
              />
            </FormField>
            <EmployeePicker
              label={t("addEmployee")}
              value={null}
              onChange={(e) => {
                if (!e) return;
                const current = splitNos(form.getValues("employeeNosText"));
                if (!current.includes(e.employeeNo))
                  form.setValue("employeeNosText", [...current, e.employeeNo].join(", "), {
                    shouldDirty: true,
                  });
              }}
            />
            <div className="flex flex-col gap-2">
              <OrgUnitPicker onAdd={addUnit} />
              <OrgTreePicker onAdd={addUnit} />
              {units.fields.length ? (
                <ul className="flex flex-col gap-1" aria-label={t("orgUnitsChosen")}>
                  {units.fields.map((u, i) => (
                    <li
                      key={u.id}
                      className="flex items-center justify-between rounded-md border px-3 py-1.5 text-sm"
                    >
                      <span className="font-mono text-xs">{u.code}</span>
                      <span className="flex items-center gap-3">
                        <Controller
                          control={form.control}
                          name={`orgUnits.${i}.includeDescendants`}
                          render={({ field }) => (
                            <label className="flex items-center gap-1.5 text-xs">
                              <input
                                type="checkbox"
                                checked={field.value ?? true}
                                onChange={(e) => field.onChange(e.target.checked)}
                              />
                              {t("includeDescendants")}
                            </label>
                          )}
                        />
                        <button
                          type="button"
                          aria-label={t("removeUnit", { code: u.code })}
                          onClick={() => units.remove(i)}
                          className="text-muted-foreground hover:text-foreground"
                        >
                          <X className="size-4" aria-hidden />
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            {recipientsError ? (
              <p className="text-xs text-destructive" role="alert">
                {recipientsError}
              </p>
            ) : null}
          </CardContent>
        </Card>
      </div>
      <div className="flex flex-col gap-4 xl:sticky xl:top-4">
        <AudiencePreview recipients={recipients} />
        <Button type="submit" disabled={isSubmitting || bytes > maxBodyBytes}>
          <Send aria-hidden />
          {isSubmitting ? t("sending") : t("send")}
        </Button>
        <p className="text-xs text-muted-foreground">{t("sendHint")}</p>
      </div>
    </Form>
  );
}
