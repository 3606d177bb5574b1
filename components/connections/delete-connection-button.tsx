"use client";
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { deleteConnectionAction } from "@/app/actions/connections";
import { ConfirmActionButton } from "@/components/credentials/confirm-action-button";
import type { ConnectionSummary } from "@/lib/connections/queries/list-connections";

type Props = { id: string; name: string; dependents: ConnectionSummary["dependents"] };

export function DeleteConnectionButton({ id, name, dependents }: Props) {
  const t = useTranslations("connections");
  return (
    <ConfirmActionButton
      ariaLabel={t("deleteNamed", { name })}
      confirm={t("confirmDelete", { name, ...dependents })}
      run={() => deleteConnectionAction({ id })}
      success={t("deleted")}
    >
      <Trash2 aria-hidden />
      {t("delete")}
    </ConfirmActionButton>
  );
}
