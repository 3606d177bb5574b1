"use client";
import { Eraser } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { requestPruneAction } from "@/app/actions/retention";
import { Button } from "@/components/ui/button";

/** Queues the maintenance run now rather than at 03:00; its result shows on the dashboard. */
export function PruneNowButton() {
  const t = useTranslations("retention");
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-busy={pending}
      onClick={() =>
        start(async () => {
          const r = await requestPruneAction({});
          if (!r.ok) return void toast.error(r.error.message);
          toast.success(t("pruneQueued"));
        })
      }
    >
      <Eraser aria-hidden />
      {pending ? t("pruneQueueing") : t("pruneNow")}
    </Button>
  );
}
