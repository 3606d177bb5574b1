"use client";
import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

type Props = { name: string; token: string; onDismiss: () => void };

/** A freshly minted SCIM token, shown this once with a copy button. */
export function TokenOnce({ name, token, onDismiss }: Props) {
  const t = useTranslations("scim");
  return (
    <div role="status" className="rounded-md border border-success/40 bg-success/10 p-3 text-sm">
      <p className="font-medium">{t("showOnce", { name })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="scim-token" className="flex-1 break-all rounded bg-card p-2 text-xs">
          {token}
        </code>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() =>
            void navigator.clipboard?.writeText(token).then(() => toast.success(t("copied")))
          }
        >
          <Copy aria-hidden />
          {t("copy")}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
