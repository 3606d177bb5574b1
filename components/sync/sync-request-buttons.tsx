"use client";
import { FlaskConical, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { requestSyncAction } from "@/app/actions/sync";
import { Button } from "@/components/ui/button";

/** "Sync now" and "Dry run" for one IM target (IT admins). */
export function SyncRequestButtons({
  target,
  onRequested,
}: {
  target: { id: string; name: string };
  onRequested?: () => void;
}) {
  const t = useTranslations("sync");
  const [pending, start] = useTransition();
  const request = (dryRun: boolean) =>
    start(async () => {
      const r = await requestSyncAction({ connectionId: target.id, dryRun });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(t(dryRun ? "dryRunRequested" : "syncRequested", { name: target.name }));
      onRequested?.();
    });
  return (
    <div
      role="group"
      aria-label={target.name}
      className="flex flex-wrap items-center gap-2 rounded-md border p-2"
    >
      <span className="mr-auto px-1 text-sm font-medium">{target.name}</span>
      <Button size="sm" disabled={pending} onClick={() => request(false)}>
        <RefreshCw aria-hidden />
        {t("syncNow")}
      </Button>
      <Button size="sm" variant="outline" disabled={pending} onClick={() => request(true)}>
        <FlaskConical aria-hidden />
        {t("dryRun")}
      </Button>
    </div>
  );
}
