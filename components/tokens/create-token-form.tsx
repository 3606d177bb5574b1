"use client";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { createTokenAction } from "@/app/actions/tokens";
import { SecretShownOnce } from "@/components/credentials/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { CredentialFields } from "./credential-fields";
import { useCredentialForm } from "./use-credential-form";

export function CreateTokenForm({ defaultLimit }: { defaultLimit: number }) {
  const t = useTranslations("tokens");
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const { form, onSubmit } = useCredentialForm(
    { scopes: ["read"], expiresInDays: 90 },
    createTokenAction,
    (data, values) => {
      setCreated({ token: data.token, name: values.name });
      toast.success(t("created"));
    },
  );
  const { isSubmitting } = form.formState;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("createTitle")}</CardTitle>
        <CardDescription>{t("createHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {created ? (
          <SecretShownOnce
            className="mb-4"
            title={t("showOnce", { name: created.name })}
            values={[{ value: created.token, testId: "new-token" }]}
          />
        ) : null}
        <Form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
          <CredentialFields form={form} kind="token" defaultLimit={defaultLimit} />
          <div className="md:col-span-2">
            <Button type="submit" disabled={isSubmitting}>
              <KeyRound aria-hidden />
              {isSubmitting ? t("creating") : t("create")}
            </Button>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}
