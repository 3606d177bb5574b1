"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { createOAuthClientAction } from "@/app/actions/oauth-clients";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";
import { createOAuthClientSchema } from "@/lib/oauth/oauth-client-schema";
import { TOKEN_SCOPES } from "@/lib/tokens/rules/scopes";
import { ShownOnce } from "./shown-once";

// The form edits the allow-list and the limit as text; everything else is the server's schema.
const formSchema = createOAuthClientSchema.extend({
  ipAllowList: z.string(),
  rateLimitPerMinute: z.string().regex(/^\d*$/, "Rate limit must be a whole number"),
});
type FormValues = z.input<typeof formSchema>;
const EXPIRIES = [7, 30, 90, 365, null] as const;

export function CreateOAuthClientForm({
  defaultLimit,
  tokenMinutes,
}: {
  defaultLimit: number;
  tokenMinutes: number;
}) {
  const t = useTranslations("oauthClients");
  const tt = useTranslations("tokens");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; id: string; secret: string } | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(useLocalizedSchema(formSchema)),
    defaultValues: {
      name: "",
      scopes: ["org:read"],
      expiresInDays: 365,
      ipAllowList: "",
      rateLimitPerMinute: "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createOAuthClientAction({
      ...values,
      ipAllowList: values.ipAllowList.split(/[\s,]+/).filter(Boolean),
      rateLimitPerMinute: values.rateLimitPerMinute ? Number(values.rateLimitPerMinute) : null,
    });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {}))
        form.setError(field as keyof FormValues, { message });
      toast.error(result.error.message);
      return;
    }
    setCreated({ name: values.name, id: result.data.clientId, secret: result.data.clientSecret });
    form.reset();
    setOpen(false);
    toast.success(t("created"));
  });

  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { minutes: tokenMinutes })}</CardDescription>
        </div>
        <Button
          type="button"
          variant="outline"
          aria-expanded={open}
          aria-controls="oauth-client-form"
          onClick={() => setOpen(!open)}
        >
          <ShieldPlus aria-hidden />
          {t("new")}
        </Button>
      </CardHeader>
      <CardContent>
        {created ? (
          <ShownOnce
            title={t("showOnce", { name: created.name })}
            values={[
              { label: "client_id", value: created.id, testId: "new-client-id" },
              { label: "client_secret", value: created.secret, testId: "new-client-secret" },
            ]}
          />
        ) : null}
        {open ? (
          <form
            id="oauth-client-form"
            onSubmit={onSubmit}
            className="grid gap-4 md:grid-cols-2"
            noValidate
          >
            <FormField id="client-name" label={t("name")} error={errors.name?.message}>
              <Input
                id="client-name"
                {...describedBy("client-name", errors.name?.message)}
                {...form.register("name")}
                placeholder={t("namePlaceholder")}
              />
            </FormField>
            <FormField id="client-expiry" label={tt("expiry")}>
              <Controller
                control={form.control}
                name="expiresInDays"
                render={({ field }) => (
                  <select
                    id="client-expiry"
                    className="h-9 rounded-md border bg-card px-2 text-sm"
                    value={field.value === null ? "never" : String(field.value)}
                    onChange={(e) =>
                      field.onChange(e.target.value === "never" ? null : Number(e.target.value))
                    }
                  >
                    {EXPIRIES.map((d) => (
                      <option key={String(d)} value={d === null ? "never" : d}>
                        {d === null ? tt("never") : tt("days", { days: d })}
                      </option>
                    ))}
                  </select>
                )}
              />
            </FormField>
            <fieldset className="flex flex-col gap-1.5 md:col-span-2">
              <legend className="mb-1 text-sm font-medium">{t("scopes")}</legend>
              <Controller
                control={form.control}
                name="scopes"
                render={({ field }) => (
                  <div className="flex flex-wrap gap-3">
                    {TOKEN_SCOPES.map((scope) => (
                      <label key={scope} className="flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          checked={field.value.includes(scope)}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked
                                ? [...field.value, scope]
                                : field.value.filter((s) => s !== scope),
                            )
                          }
                        />
                        <code className="text-xs">{scope}</code>
                      </label>
                    ))}
                  </div>
                )}
              />
              {errors.scopes ? (
                <p className="text-xs text-destructive">{errors.scopes.message}</p>
              ) : null}
            </fieldset>
            <FormField
              id="client-ips"
              label={t("ipAllowList")}
              error={errors.ipAllowList?.message}
              hint={tt("ipHint")}
            >
              <Input
                id="client-ips"
                {...describedBy("client-ips", errors.ipAllowList?.message, true)}
                {...form.register("ipAllowList")}
                placeholder="10.0.0.0/8, 203.0.113.7"
              />
            </FormField>
            <FormField
              id="client-rate"
              label={t("rateLimit")}
              error={errors.rateLimitPerMinute?.message}
              hint={t("rateLimitHint", { limit: defaultLimit })}
            >
              <Input
                id="client-rate"
                inputMode="numeric"
                {...describedBy("client-rate", errors.rateLimitPerMinute?.message, true)}
                {...form.register("rateLimitPerMinute")}
                placeholder={String(defaultLimit)}
              />
            </FormField>
            <div className="md:col-span-2">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? tt("creating") : t("create")}
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
