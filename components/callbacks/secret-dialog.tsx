"use client";
import { Copy, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "./dialog";

/** Shows a signing secret the one time it exists in clear, with a copy button and a warning. */
export function SecretDialog({
  secret,
  title,
  previousUntil,
  onDone,
}: {
  secret: string | null;
  title: string;
  previousUntil?: string | null;
  onDone: () => void;
}) {
  const t = useTranslations("callbacks.secret");
  const format = useFormatter();
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => (open ? null : onDone())}
      title={title}
      dismissible={false}
    >
      <p
        role="alert"
        className="flex gap-2 rounded-md border border-warning/50 bg-warning/15 p-3 text-sm"
      >
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {t("warning")}
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="endpoint-secret"
          className="flex-1 break-all rounded bg-muted p-2 text-xs"
        >
          {secret}
        </code>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() =>
            void navigator.clipboard?.writeText(secret ?? "").then(() => toast.success(t("copied")))
          }
        >
          <Copy aria-hidden />
          {t("copy")}
        </Button>
      </div>
      {previousUntil ? (
        <p className="text-sm text-muted-foreground">
          {t("previousUntil", {
            when: format.dateTime(new Date(previousUntil), {
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="button" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </Dialog>
  );
}
