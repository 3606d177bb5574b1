"use client";
import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

type ShownValue = {
  /** What the value is (client_id, client_secret); unlabelled when there is only the one secret. */
  label?: string;
  value: string;
  testId: string;
};

/**
 * A credential in the clear, right after it was made or rotated (API token, OAuth client secret, SCIM
 * token): each value with a copy button, never shown again.
 */
export function SecretShownOnce({
  title,
  values,
  onDismiss,
  className,
}: {
  title: string;
  values: ShownValue[];
  /** Offers a button that hides the panel. */
  onDismiss?: () => void;
  className?: string;
}) {
  const t = useTranslations("credentials");
  return (
    <div
      role="status"
      className={`rounded-md border border-success/40 bg-success/10 p-3 text-sm ${className ?? ""}`}
    >
      <p className="font-medium">{title}</p>
      {values.map(({ label, value, testId }) => (
        <div key={testId} className="mt-2 flex flex-wrap items-center gap-2">
          {label ? (
            <span className="w-24 shrink-0 text-xs text-muted-foreground">{label}</span>
          ) : null}
          <code data-testid={testId} className="flex-1 break-all rounded bg-card p-2 text-xs">
            {value}
          </code>
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-label={label ? `${t("copy")} ${label}` : undefined}
            onClick={() =>
              void navigator.clipboard?.writeText(value).then(() => toast.success(t("copied")))
            }
          >
            <Copy aria-hidden />
            {t("copy")}
          </Button>
        </div>
      ))}
      {onDismiss ? (
        <div className="mt-2 flex justify-end">
          <Button type="button" variant="outline" size="sm" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
