"use client";
import { Save } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm, useWatch, type FieldError, type Path } from "react-hook-form";
import { toast } from "sonner";
import { saveConnectionAction } from "@/app/actions/connections";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formFieldFor } from "@/lib/connections/rules/form-field-for";
import type { ProviderForm } from "@/lib/connections/queries/list-provider-forms";
import type { ConnectionKind } from "@/lib/connections/save-connection-schema";
import { toFormValues, type ConnectionFormValues } from "@/lib/connections/queries/to-form-values";
import { connectionFormResolver } from "./connection-form-resolver";
import { ProviderField } from "./provider-field";
import { useIssueMessage } from "@/components/ui/use-localized-schema";

type Props = {
  kind: ConnectionKind;
  /** Forms of this kind's providers, built on the server from the registry. */
  forms: ProviderForm[];
  /** The saved connection when editing (never its secrets). */
  connection?: {
    id: string;
    provider: string;
    name: string;
    enabled: boolean;
    config: Record<string, unknown>;
  };
};

export function ConnectionForm({ kind, forms, connection }: Props) {
  const t = useTranslations("connections");
  const issueMessage = useIssueMessage();
  const lang = useLocale() === "en" ? "en" : "zh";
  const router = useRouter();
  const editing = !!connection;
  const resolver = useMemo(
    () =>
      connectionFormResolver(forms, {
        id: connection?.id,
        messages: { chooseProvider: t("choose"), invalidJson: t("invalidJson") },
        issueMessage,
      }),
    [forms, connection?.id, t, issueMessage],
  );
  const form = useForm<ConnectionFormValues, unknown, Parameters<typeof saveConnectionAction>[0]>({
    resolver,
    defaultValues: toFormValues(
      forms.find((f) => f.provider === connection?.provider),
      connection,
    ),
  });
  const { errors, isSubmitting } = form.formState;
  const provider = useWatch({ control: form.control, name: "provider" });
  const current = forms.find((f) => f.provider === provider);

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await saveConnectionAction(input);
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.error.fieldErrors ?? {})) {
        const { field, rest } = formFieldFor(path);
        if (field !== "_")
          form.setError(field as Path<ConnectionFormValues>, {
            message: rest ? `${rest}: ${message}` : message,
          });
      }
      toast.error(result.error.message);
      return;
    }
    toast.success(t("saved"));
    router.push("/connections");
  });

  const pickProvider = (next: string) => {
    const { name, enabled } = form.getValues();
    form.reset({ ...toFormValues(forms.find((f) => f.provider === next)), name, enabled });
  };
  const fieldError = (section: "config" | "secrets", key: string) =>
    (errors[section] as Record<string, FieldError> | undefined)?.[key];

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {connection
            ? t("editTitle", { name: connection.name })
            : `${t("createTitle")} · ${kind === "HR_SOURCE" ? t("hrSources") : t("imTargets")}`}
        </CardTitle>
        <CardDescription>{t("formHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form
          onSubmit={onSubmit}
          className="flex flex-col gap-5"
          noValidate
          aria-label={connection ? t("editTitle", { name: connection.name }) : t("createTitle")}
        >
          <div className="grid gap-4 md:grid-cols-3">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="connection-provider" className="text-sm font-medium">
                {t("provider")}
              </label>
              {current && editing ? (
                <Input
                  id="connection-provider"
                  readOnly
                  value={current.label[lang]}
                  aria-describedby="connection-provider-hint"
                />
              ) : (
                <select
                  id="connection-provider"
                  className="h-9 rounded-md border bg-card px-2 text-sm aria-invalid:border-destructive"
                  aria-invalid={!!errors.provider}
                  aria-describedby="connection-provider-hint"
                  {...form.register("provider", {
                    onChange: (e: { target: { value: string } }) => pickProvider(e.target.value),
                  })}
                >
                  <option value="">{t("choose")}</option>
                  {forms.map((f) => (
                    <option key={f.provider} value={f.provider}>
                      {f.label[lang]}
                    </option>
                  ))}
                </select>
              )}
              <p
                id="connection-provider-hint"
                className={
                  errors.provider ? "text-xs text-destructive" : "text-xs text-muted-foreground"
                }
              >
                {errors.provider?.message ?? (editing ? t("providerLocked") : null)}
              </p>
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="connection-name" className="text-sm font-medium">
                {t("name")}
              </label>
              <Input
                id="connection-name"
                aria-invalid={!!errors.name}
                aria-describedby={errors.name ? "connection-name-error" : undefined}
                {...form.register("name")}
              />
              {errors.name ? (
                <p id="connection-name-error" className="text-xs text-destructive">
                  {errors.name.message}
                </p>
              ) : null}
            </div>
            <label
              htmlFor="connection-enabled"
              className="flex items-center gap-2 self-center text-sm font-medium"
            >
              <input id="connection-enabled" type="checkbox" {...form.register("enabled")} />
              {t("enabled")}
            </label>
          </div>

          {current ? (
            <>
              <fieldset key={`config-${current.provider}`} className="grid gap-4 md:grid-cols-2">
                <legend className="mb-2 text-sm font-semibold">{t("settings")}</legend>
                {current.configFields.map((f) => (
                  <ProviderField
                    key={f.key}
                    section="config"
                    field={f}
                    register={form.register}
                    error={fieldError("config", f.key)}
                    editing={editing}
                  />
                ))}
              </fieldset>
              {current.secretFields.length ? (
                <fieldset
                  key={`secrets-${current.provider}`}
                  className="grid gap-4 md:grid-cols-2"
                  aria-describedby="connection-secrets-hint"
                >
                  <legend className="mb-1 text-sm font-semibold">{t("secrets")}</legend>
                  <p
                    id="connection-secrets-hint"
                    className="text-xs text-muted-foreground md:col-span-2"
                  >
                    {editing ? t("secretsHintEdit") : t("secretsHintCreate")}
                  </p>
                  {current.secretFields.map((f) => (
                    <ProviderField
                      key={f.key}
                      section="secrets"
                      field={f}
                      register={form.register}
                      error={fieldError("secrets", f.key)}
                      editing={editing}
                    />
                  ))}
                </fieldset>
              ) : null}
            </>
          ) : null}

          <div className="flex gap-2">
            <Button type="submit" disabled={isSubmitting}>
              <Save aria-hidden />
              {isSubmitting ? t("saving") : t("save")}
            </Button>
            <Link href="/connections" className={buttonVariants({ variant: "outline" })}>
              {t("cancel")}
            </Link>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}
