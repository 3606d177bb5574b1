"use client";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { rerunJobAction } from "@/app/actions/jobs";
import { Button } from "@/components/ui/button";

export function RerunButton({ runId }: { runId: string }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await rerunJobAction({ runId });
          if (!r.ok) return void toast.error(r.error.message);
          toast.success(t("rerunStarted"));
          router.push(`/jobs/${r.data.runId}`);
        })
      }
    >
      <RotateCcw aria-hidden />
      {t("rerun")}
    </Button>
  );
}
