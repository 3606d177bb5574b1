"use client";
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { deleteConnectionAction } from "@/app/actions/connections";
import { Button } from "@/components/ui/button";
import type { ConnectionSummary } from "@/lib/connections/queries/list-connections";

type Props = { id: string; name: string; dependents: ConnectionSummary["dependents"] };

export function DeleteConnectionButton({ id, name, dependents }: Props) {
  const t = useTranslations("connections");
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={t("deleteNamed", { name })}
      onClick={() => {
        if (!window.confirm(t("confirmDelete", { name, ...dependents }))) return;
        start(async () => {
          const result = await deleteConnectionAction({ id });
          if (result.ok) toast.success(t("deleted"));
          else toast.error(result.error.message);
        });
      }}
    >
      <Trash2 aria-hidden />
      {t("delete")}
    </Button>
  );
}
