"use client";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { revokeTokenAction } from "@/app/actions/tokens";
import { Button } from "@/components/ui/button";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={t("revokeNamed", { name })}
      onClick={() => {
        if (!window.confirm(t("confirmRevoke", { name }))) return;
        start(async () => {
          const result = await revokeTokenAction({ id });
          if (result.ok) toast.success(t("revoked"));
          else toast.error(result.error.message);
        });
      }}
    >
      {t("revoke")}
    </Button>
  );
}
