"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import {
  revokeOAuthClientAction,
  rotateOAuthClientSecretAction,
} from "@/app/actions/oauth-clients";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "./shown-once";

/** Rotate (the new secret shown once, the old one and its tokens refused at once) and revoke. */
export function OAuthClientActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations("oauthClients");
  const [pending, start] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          aria-label={t("rotateNamed", { name })}
          onClick={() => {
            if (!window.confirm(t("confirmRotate", { name }))) return;
            start(async () => {
              const result = await rotateOAuthClientSecretAction({ id });
              if (result.ok) {
                setSecret(result.data.clientSecret);
                toast.success(t("rotated"));
              } else toast.error(result.error.message);
            });
          }}
        >
          {t("rotate")}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          aria-label={t("revokeNamed", { name })}
          onClick={() => {
            if (!window.confirm(t("confirmRevoke", { name }))) return;
            start(async () => {
              const result = await revokeOAuthClientAction({ id });
              if (result.ok) toast.success(t("revoked"));
              else toast.error(result.error.message);
            });
          }}
        >
          {t("revoke")}
        </Button>
      </div>
      {secret ? (
        <ShownOnce
          title={t("rotatedShowOnce", { name })}
          values={[{ label: "client_secret", value: secret, testId: "rotated-client-secret" }]}
        />
      ) : null}
    </div>
  );
}
