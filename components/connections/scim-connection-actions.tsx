"use client";
import { KeyRound, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteScimConnectionAction, rotateScimTokenAction } from "@/app/actions/scim";
import { Button } from "@/components/ui/button";
import { TokenOnce } from "./token-once";

type Props = { id: string; name: string };

/** Rotate (new token shown once) and delete, for one SCIM connection. */
export function ScimConnectionActions({ id, name }: Props) {
  const t = useTranslations("scim");
  const [pending, start] = useTransition();
  const [token, setToken] = useState<string | null>(null);
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
              const result = await rotateScimTokenAction({ id });
              if (!result.ok) return void toast.error(result.error.message);
              setToken(result.data.token);
              toast.success(t("rotated"));
            });
          }}
        >
          <KeyRound aria-hidden />
          {t("rotate")}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={pending}
          aria-label={t("deleteNamed", { name })}
          onClick={() => {
            if (!window.confirm(t("confirmDelete", { name }))) return;
            start(async () => {
              const result = await deleteScimConnectionAction({ id });
              if (!result.ok) toast.error(result.error.message);
            });
          }}
        >
          <Trash2 aria-hidden />
        </Button>
      </div>
      {token ? <TokenOnce name={name} token={token} onDismiss={() => setToken(null)} /> : null}
    </div>
  );
}
