"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Controller, useFieldArray, useForm, type FieldPath, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { createEndpointAction, updateEndpointAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { retryScheduleNames } from "@/lib/callbacks/endpoint-input-schema";
import { FormField as Field } from "@/components/ui/form-field";
import {
  EMPTY,
  LOCALIZED,
  formSchema,
  type EndpointFormDefaults,
  type FormInput,
  type FormOutput,
} from "./endpoint-form-schema";
import { EndpointHeadersFields } from "./endpoint-headers-fields";
import { EventTypePicker } from "./event-type-picker";
import { SecretDialog } from "./secret-dialog";
import { useDelayList } from "./use-delay-list";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

export type { EndpointFormDefaults } from "./endpoint-form-schema";

const optionalNumber = (v: unknown) =>
  v === "" || v === null || v === undefined ? null : Number(v);

/** Create or edit a callback endpoint; on create the new secret is shown once. */
export function EndpointForm({
  endpointId,
  defaults = EMPTY,
}: {
  endpointId?: string;
  defaults?: EndpointFormDefaults;
}) {
  const t = useTranslations("callbacks");
  const router = useRouter();
  const delays = useDelayList();
  const [created, setCreated] = useState<{ id: string; secret: string; name: string } | null>(null);
  const { headerNames, ...values } = defaults;
  const localized = useLocalizedSchema(formSchema);
  const resolver = useMemo<Resolver<FormInput, unknown, FormOutput>>(
    () => async (values, context, options) => {
      const result = await zodResolver(localized)(values, context, options);
      for (const field of LOCALIZED) {
        const error = result.errors[field];
        if (error) error.message = t(`form.invalid.${field}`);
      }
      return result;
    },
    [t, localized],
  );
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver,
    defaultValues: {
      ...values,
      description: values.description ?? "",
      headers: headerNames.map((name) => ({ name, value: "", kept: true })),
    },
  });
  const headers = useFieldArray({ control: form.control, name: "headers" });
  const { errors, isSubmitting } = form.formState;
  const err = (id: string, message?: string) =>
    message
      ? { "aria-invalid": true, "aria-describedby": `${id}-error` }
      : { "aria-describedby": `${id}-hint` };

  const onSubmit = form.handleSubmit(async ({ headers: rows, ...rest }) => {
    const input = {
      ...rest,
      headers: Object.fromEntries(rows.filter((r) => r.name).map((r) => [r.name, r.value])),
    };
    const result = endpointId
      ? await updateEndpointAction({ ...input, id: endpointId })
      : await createEndpointAction(input);
    if (!result.ok) {
      for (const [key, message] of Object.entries(result.error.fieldErrors ?? {})) {
        const [head, ...tail] = key.split(".");
        if (head === "headers" && tail.length) {
          const i = rows.findIndex((r) => r.name === tail.join("."));
          form.setError(i >= 0 ? `headers.${i}.name` : "headers", { message });
        } else if (head in formSchema.shape)
          form.setError(head as FieldPath<FormInput>, { message });
      }
      toast.error(result.error.fieldErrors ? t("form.fixErrors") : result.error.message);
      return;
    }
    if (endpointId) {
      toast.success(t("form.saved"));
      router.push(`/callbacks/${endpointId}`);
      router.refresh();
      return;
    }
    toast.success(t("form.created"));
    const data = result.data as { id: string; secret: string };
    setCreated({ id: data.id, secret: data.secret, name: rest.name });
  });

  return (
    <>
      <Form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("form.basics")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <Field id="endpoint-name" label={t("form.name")} error={errors.name?.message}>
              <Input
                id="endpoint-name"
                placeholder={t("form.namePlaceholder")}
                {...err("endpoint-name", errors.name?.message)}
                {...form.register("name")}
              />
            </Field>
            <Field
              id="endpoint-url"
              label={t("form.url")}
              error={errors.url?.message}
              hint={t("form.urlHint")}
            >
              <Input
                id="endpoint-url"
                type="url"
                inputMode="url"
                placeholder="https://oa.example.com/hooks/orgbridge"
                {...err("endpoint-url", errors.url?.message)}
                {...form.register("url")}
              />
            </Field>
            <div className="md:col-span-2">
              <Field
                id="endpoint-description"
                label={t("form.description")}
                error={errors.description?.message}
              >
                <Input
                  id="endpoint-description"
                  placeholder={t("form.descriptionPlaceholder")}
                  {...form.register("description")}
                />
              </Field>
            </div>
            <label className="flex items-start gap-2 text-sm md:col-span-2">
              <input type="checkbox" className="mt-1" {...form.register("enabled")} />
              <span>
                <span className="font-medium">{t("form.enabled")}</span>
                <span className="block text-xs text-muted-foreground">{t("form.enabledHint")}</span>
              </span>
            </label>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle id="endpoint-events-title">{t("form.events")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("form.eventsHint")}</p>
          </CardHeader>
          <CardContent>
            <Controller
              control={form.control}
              name="eventTypes"
              render={({ field }) => (
                <EventTypePicker
                  value={field.value}
                  onChange={field.onChange}
                  invalid={!!errors.eventTypes}
                  describedBy={errors.eventTypes ? "endpoint-events-error" : undefined}
                />
              )}
            />
            {errors.eventTypes ? (
              <p id="endpoint-events-error" className="mt-2 text-xs text-destructive">
                {errors.eventTypes.message ?? errors.eventTypes.root?.message}
              </p>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("form.delivery")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-3">
            <Field
              id="endpoint-retries"
              label={t("form.maxRetries")}
              error={errors.maxRetries?.message}
              hint={t("form.maxRetriesHint")}
            >
              <Input
                id="endpoint-retries"
                type="number"
                min={0}
                max={10}
                {...err("endpoint-retries", errors.maxRetries?.message)}
                {...form.register("maxRetries", { setValueAs: optionalNumber })}
              />
            </Field>
            <Field
              id="endpoint-rate"
              label={t("form.rateLimit")}
              error={errors.rateLimitPerSecond?.message}
              hint={t("form.rateLimitHint")}
            >
              <Input
                id="endpoint-rate"
                type="number"
                min={1}
                max={1000}
                {...err("endpoint-rate", errors.rateLimitPerSecond?.message)}
                {...form.register("rateLimitPerSecond", { setValueAs: optionalNumber })}
              />
            </Field>
            <fieldset className="flex flex-col gap-1.5 md:row-span-2">
              <legend className="mb-1 text-sm font-medium">{t("form.schedule")}</legend>
              {retryScheduleNames.map((name) => (
                <label key={name} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    className="mt-1"
                    value={name}
                    {...form.register("retrySchedule")}
                  />
                  <span>
                    {t(name === "default" ? "form.scheduleDefault" : "form.scheduleLong", {
                      delays: delays(name),
                    })}
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="flex items-start gap-2 text-sm md:col-span-2">
              <input type="checkbox" className="mt-1" {...form.register("allowPrivate")} />
              <span>
                <span className="font-medium">{t("form.allowPrivate")}</span>
                <span className="block text-xs text-muted-foreground">
                  {t("form.allowPrivateHint")}
                </span>
              </span>
            </label>
          </CardContent>
        </Card>

        <EndpointHeadersFields form={form} headers={headers} err={err} />

        <div className="flex gap-2">
          <Button type="submit" disabled={isSubmitting}>
            {endpointId
              ? isSubmitting
                ? t("form.saving")
                : t("form.save")
              : isSubmitting
                ? t("form.creating")
                : t("form.create")}
          </Button>
          <Button asChild variant="outline">
            <Link href={endpointId ? `/callbacks/${endpointId}` : "/callbacks"}>
              {t("form.cancel")}
            </Link>
          </Button>
        </div>
      </Form>
      <SecretDialog
        secret={created?.secret ?? null}
        title={t("secret.createdTitle", { name: created?.name ?? "" })}
        onDone={() => {
          if (created) router.push(`/callbacks/${created.id}`);
          setCreated(null);
        }}
      />
    </>
  );
}
