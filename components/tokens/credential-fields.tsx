"use client";
import { useTranslations } from "next-intl";
import { Controller, type UseFormReturn } from "react-hook-form";
import { describedBy, FormField, selectClass } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TOKEN_SCOPES } from "@/lib/tokens/rules/scopes";
import { CREDENTIAL_EXPIRIES, type CredentialFormValues } from "./credential-form-schema";

/**
 * The fields an API token and an OAuth client share: name, expiry, scopes, IP allow-list and rate
 * limit, labelled for the one being created (a token's scopes carry a short description).
 */
export function CredentialFields({
  form,
  kind,
  defaultLimit,
}: {
  form: UseFormReturn<CredentialFormValues>;
  kind: "token" | "client";
  defaultLimit: number;
}) {
  const t = useTranslations("tokens");
  const tc = useTranslations("oauthClients");
  const ts = useTranslations("developers.scopes");
  const own = kind === "token" ? t : tc;
  const { errors } = form.formState;
  const id = (name: string) => `${kind}-${name}`;
  return (
    <>
      <FormField id={id("name")} label={own("name")} error={errors.name?.message}>
        <Input
          id={id("name")}
          {...describedBy(id("name"), errors.name?.message)}
          {...form.register("name")}
          placeholder={own("namePlaceholder")}
        />
      </FormField>
      <FormField id={id("expiry")} label={t("expiry")}>
        <Controller
          control={form.control}
          name="expiresInDays"
          render={({ field }) => (
            <select
              id={id("expiry")}
              className={selectClass}
              value={field.value === null ? "never" : String(field.value)}
              onChange={(e) =>
                field.onChange(e.target.value === "never" ? null : Number(e.target.value))
              }
            >
              {CREDENTIAL_EXPIRIES.map((d) => (
                <option key={String(d)} value={d === null ? "never" : d}>
                  {d === null ? t("never") : t("days", { days: d })}
                </option>
              ))}
            </select>
          )}
        />
      </FormField>
      <fieldset className="flex flex-col gap-1.5 md:col-span-2">
        <legend className="mb-1 text-sm font-medium">{own("scopes")}</legend>
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
                  {kind === "token" ? (
                    <span className="text-muted-foreground text-xs">
                      {ts(scope.replace(":", "_"))}
                    </span>
                  ) : null}
                </label>
              ))}
            </div>
          )}
        />
        {errors.scopes ? <p className="text-xs text-destructive">{errors.scopes.message}</p> : null}
      </fieldset>
      <FormField
        id={id("ips")}
        label={own("ipAllowList")}
        error={errors.ipAllowList?.message}
        hint={t("ipHint")}
      >
        <Input
          id={id("ips")}
          {...describedBy(id("ips"), errors.ipAllowList?.message, true)}
          {...form.register("ipAllowList")}
          placeholder="10.0.0.0/8, 203.0.113.7"
        />
      </FormField>
      <FormField
        id={id("rate")}
        label={tc("rateLimit")}
        error={errors.rateLimitPerMinute?.message}
        hint={tc("rateLimitHint", { limit: defaultLimit })}
      >
        <Input
          id={id("rate")}
          inputMode="numeric"
          {...describedBy(id("rate"), errors.rateLimitPerMinute?.message, true)}
          {...form.register("rateLimitPerMinute")}
          placeholder={String(defaultLimit)}
        />
      </FormField>
    </>
  );
}
