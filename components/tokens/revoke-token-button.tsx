"use client";
import { useTranslations } from "next-intl";
import { revokeTokenAction } from "@/app/actions/tokens";
import { ConfirmActionButton } from "@/components/credentials/confirm-action-button";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  return (
    <ConfirmActionButton
      ariaLabel={t("revokeNamed", { name })}
      confirm={t("confirmRevoke", { name })}
      run={() => revokeTokenAction({ id })}
      success={t("revoked")}
    >
      {t("revoke")}
    </ConfirmActionButton>
  );
}
