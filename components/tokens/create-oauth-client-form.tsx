"use client";
import { ShieldPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { createOAuthClientAction } from "@/app/actions/oauth-clients";
import { SecretShownOnce } from "@/components/credentials/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { CredentialFields } from "./credential-fields";
import { useCredentialForm } from "./use-credential-form";

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
  const { form, onSubmit } = useCredentialForm(
    { scopes: ["org:read"], expiresInDays: 365 },
    createOAuthClientAction,
    (data, values) => {
      setCreated({ name: values.name, id: data.clientId, secret: data.clientSecret });
      setOpen(false);
      toast.success(t("created"));
    },
  );
  const { isSubmitting } = form.formState;

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
          <SecretShownOnce
            className="mb-4"
            title={t("showOnce", { name: created.name })}
            values={[
              { label: "client_id", value: created.id, testId: "new-client-id" },
              { label: "client_secret", value: created.secret, testId: "new-client-secret" },
            ]}
          />
        ) : null}
        {open ? (
          <Form
            id="oauth-client-form"
            onSubmit={onSubmit}
            className="grid gap-4 md:grid-cols-2"
            noValidate
          >
            <CredentialFields form={form} kind="client" defaultLimit={defaultLimit} />
            <div className="md:col-span-2">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? tt("creating") : t("create")}
              </Button>
            </div>
          </Form>
        ) : null}
      </CardContent>
    </Card>
  );
}
