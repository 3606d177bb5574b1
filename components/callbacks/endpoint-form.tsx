"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { Controller, useFieldArray, useForm, type FieldPath, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { createEndpointAction, updateEndpointAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import {
  endpointHeadersSchema,
  endpointInputSchema,
  retryScheduleNames,
} from "@/lib/callbacks/endpoint-input-schema";
import { EventTypePicker } from "./event-type-picker";
import { SecretDialog } from "./secret-dialog";
import { useDelayList } from "./use-delay-list";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

// The form edits custom headers as rows; everything else is the server's schema.
const headerRows = z
  .array(z.object({ name: z.string().trim(), value: z.string(), kept: z.boolean() }))
  .superRefine((rows, ctx) => {
    const record: Record<string, string> = {};
    rows.forEach((row, i) => {
      if (!row.name && !row.value) return;
      if (!row.name)
        ctx.addIssue({
          code: "custom",
          path: [i, "name"],
          message: "header name is required",
          params: { i18n: "headerNameRequired" },
        });
      else if (!row.value && !row.kept)
        ctx.addIssue({
          code: "custom",
          path: [i, "value"],
          message: `Header "${row.name}" needs a value.`,
          params: { i18n: "headerNeedsValue", name: row.name },
        });
      else record[row.name] = row.value;
    });
    const parsed = endpointHeadersSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const i = rows.findIndex((r) => r.name === issue.path[0]);
        ctx.addIssue({
          code: "custom",
          path: i >= 0 ? [i, "name"] : [],
          message: issue.message,
          params: issue.code === "custom" ? issue.params : undefined,
        });
      }
    }
  });
const formSchema = endpointInputSchema.extend({ headers: headerRows });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export type EndpointFormDefaults = Omit<FormInput, "headers"> & { headerNames: string[] };

const EMPTY: EndpointFormDefaults = {
  name: "",
  url: "",
  description: "",
  eventTypes: [],
  enabled: true,
  rateLimitPerSecond: null,
  maxRetries: 3,
  retrySchedule: "default",
  allowPrivate: false,
  headerNames: [],
};

// Fields whose browser-side errors are shown in the UI language (the server's own messages are English).
const LOCALIZED = [
  "name",
  "url",
  "description",
  "eventTypes",
  "maxRetries",
  "rateLimitPerSecond",
] as const;

const optionalNumber = (v: unknown) =>
  v === "" || v === null || v === undefined ? null : Number(v);

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

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
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
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
      </form>
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
