"use client";
import { useTranslations } from "next-intl";
import {
  revokeOAuthClientAction,
  rotateOAuthClientSecretAction,
} from "@/app/actions/oauth-clients";
import { RotateAndRemoveActions } from "@/components/credentials/rotate-and-remove-actions";

/** Rotate (the new secret shown once, the old one and its tokens refused at once) and revoke. */
export function OAuthClientActions({ id, name }: { id: string; name: string }) {
  const t = useTranslations("oauthClients");
  return (
    <RotateAndRemoveActions
      rotate={{
        children: t("rotate"),
        ariaLabel: t("rotateNamed", { name }),
        confirm: t("confirmRotate", { name }),
        run: () => rotateOAuthClientSecretAction({ id }),
        success: t("rotated"),
      }}
      shown={(data) => ({
        title: t("rotatedShowOnce", { name }),
        label: "client_secret",
        value: data.clientSecret,
        testId: "rotated-client-secret",
      })}
      remove={{
        children: t("revoke"),
        ariaLabel: t("revokeNamed", { name }),
        confirm: t("confirmRevoke", { name }),
        run: () => revokeOAuthClientAction({ id }),
        success: t("revoked"),
      }}
    />
  );
}
