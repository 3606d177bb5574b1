"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Copy, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { createTokenAction } from "@/app/actions/tokens";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { createTokenSchema } from "@/lib/tokens/create-token-schema";
import { TOKEN_SCOPES } from "@/lib/tokens/rules/scopes";
import { useLocalizedSchema } from "@/components/ui/use-localized-schema";

// The form edits the allow-list as text; everything else is the server's schema.
const formSchema = createTokenSchema.extend({
  ipAllowList: z.string(),
  rateLimitPerMinute: z.string().regex(/^\d*$/, "Rate limit must be a whole number"),
});
type FormValues = z.input<typeof formSchema>;

const EXPIRIES = [7, 30, 90, 365, null] as const;

export function CreateTokenForm({ defaultLimit }: { defaultLimit: number }) {
  const t = useTranslations("tokens");
  const tr = useTranslations("oauthClients");
  const ts = useTranslations("developers.scopes");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(useLocalizedSchema(formSchema)),
    defaultValues: {
      name: "",
      scopes: ["read"],
      expiresInDays: 90,
      ipAllowList: "",
      rateLimitPerMinute: "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createTokenAction({
      ...values,
      ipAllowList: values.ipAllowList.split(/[\s,]+/).filter(Boolean),
      rateLimitPerMinute: values.rateLimitPerMinute ? Number(values.rateLimitPerMinute) : null,
    });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        form.setError(field as keyof FormValues, { message });
      }
      toast.error(result.error.message);
      return;
    }
    setCreated({ token: result.data.token, name: values.name });
    form.reset();
    toast.success(t("created"));
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("createTitle")}</CardTitle>
        <CardDescription>{t("createHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <div
            role="status"
            className="mb-4 rounded-md border border-success/40 bg-success/10 p-3 text-sm"
          >
            <p className="font-medium">{t("showOnce", { name: created.name })}</p>
            <div className="mt-2 flex items-center gap-2">
              <code
                data-testid="new-token"
                className="flex-1 break-all rounded bg-card p-2 text-xs"
              >
                {created.token}
              </code>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(created.token)
                    .then(() => toast.success(t("copied")))
                }
              >
                <Copy aria-hidden />
                {t("copy")}
              </Button>
            </div>
          </div>
        ) : null}
        <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="token-name" className="text-sm font-medium">
              {t("name")}
            </label>
            <Input
              id="token-name"
              aria-invalid={!!errors.name}
              {...form.register("name")}
              placeholder={t("namePlaceholder")}
            />
            {errors.name ? <p className="text-xs text-destructive">{errors.name.message}</p> : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="token-expiry" className="text-sm font-medium">
              {t("expiry")}
            </label>
            <Controller
              control={form.control}
              name="expiresInDays"
              render={({ field }) => (
                <select
                  id="token-expiry"
                  className="h-9 rounded-md border bg-card px-2 text-sm"
                  value={field.value === null ? "never" : String(field.value)}
                  onChange={(e) =>
                    field.onChange(e.target.value === "never" ? null : Number(e.target.value))
                  }
                >
                  {EXPIRIES.map((d) => (
                    <option key={String(d)} value={d === null ? "never" : d}>
                      {d === null ? t("never") : t("days", { days: d })}
                    </option>
                  ))}
                </select>
              )}
            />
          </div>
          <fieldset className="flex flex-col gap-1.5">
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
                      <span className="text-muted-foreground text-xs">
                        {ts(scope.replace(":", "_"))}
                      </span>
                    </label>
                  ))}
                </div>
              )}
            />
            {errors.scopes ? (
              <p className="text-xs text-destructive">{errors.scopes.message}</p>
            ) : null}
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="token-ips" className="text-sm font-medium">
              {t("ipAllowList")}
            </label>
            <Input
              id="token-ips"
              aria-invalid={!!errors.ipAllowList}
              {...form.register("ipAllowList")}
              placeholder="10.0.0.0/8, 203.0.113.7"
            />
            {errors.ipAllowList ? (
              <p className="text-xs text-destructive">{errors.ipAllowList.message}</p>
            ) : (
              <p className="text-xs text-muted-foreground">{t("ipHint")}</p>
            )}
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="token-rate" className="text-sm font-medium">
              {tr("rateLimit")}
            </label>
            <Input
              id="token-rate"
              inputMode="numeric"
              aria-invalid={!!errors.rateLimitPerMinute}
              {...form.register("rateLimitPerMinute")}
              placeholder={String(defaultLimit)}
            />
            {errors.rateLimitPerMinute ? (
              <p className="text-xs text-destructive">{errors.rateLimitPerMinute.message}</p>
            ) : (
              <p className="text-xs text-muted-foreground">
                {tr("rateLimitHint", { limit: defaultLimit })}
              </p>
            )}
          </div>
          <div className="md:col-span-2">
            <Button type="submit" disabled={isSubmitting}>
              <KeyRound aria-hidden />
              {isSubmitting ? t("creating") : t("create")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
