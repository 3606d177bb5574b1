"use client";
import { KeyRound, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { deleteScimConnectionAction, rotateScimTokenAction } from "@/app/actions/scim";
import { RotateAndRemoveActions } from "@/components/credentials/rotate-and-remove-actions";

type Props = { id: string; name: string };

/** Rotate (new token shown once) and delete, for one SCIM connection. */
export function ScimConnectionActions({ id, name }: Props) {
  const t = useTranslations("scim");
  return (
    <RotateAndRemoveActions
      rotate={{
        children: (
          <>
            <KeyRound aria-hidden />
            {t("rotate")}
          </>
        ),
        ariaLabel: t("rotateNamed", { name }),
        confirm: t("confirmRotate", { name }),
        run: () => rotateScimTokenAction({ id }),
        success: t("rotated"),
      }}
      shown={(data) => ({
        title: t("showOnce", { name }),
        value: data.token,
        testId: "scim-token",
      })}
      remove={{
        children: <Trash2 aria-hidden />,
        ariaLabel: t("deleteNamed", { name }),
        confirm: t("confirmDelete", { name }),
        run: () => deleteScimConnectionAction({ id }),
      }}
      dismissible
    />
  );
}
