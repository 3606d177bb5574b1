"use client";
import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A credential in the clear, right after it was made: with a copy button, never shown again. */
export function ShownOnce({
  title,
  values,
}: {
  title: string;
  values: { label: string; value: string; testId: string }[];
}) {
  const t = useTranslations("tokens");
  return (
    <div
      role="status"
      className="mb-4 rounded-md border border-success/40 bg-success/10 p-3 text-sm"
    >
      <p className="font-medium">{title}</p>
      {values.map(({ label, value, testId }) => (
        <div key={testId} className="mt-2 flex items-center gap-2">
          <span className="w-24 shrink-0 text-xs text-muted-foreground">{label}</span>
          <code data-testid={testId} className="flex-1 break-all rounded bg-card p-2 text-xs">
            {value}
          </code>
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-label={`${t("copy")} ${label}`}
            onClick={() =>
              void navigator.clipboard?.writeText(value).then(() => toast.success(t("copied")))
            }
          >
            <Copy aria-hidden />
            {t("copy")}
          </Button>
        </div>
      ))}
    </div>
  );
}
