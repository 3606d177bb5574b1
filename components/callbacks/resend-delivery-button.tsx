"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { resendDeliveryAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";

export function ResendDeliveryButton({
  deliveryId,
  disabled,
}: {
  deliveryId: string;
  disabled?: boolean;
}) {
  const t = useTranslations("callbacks.delivery");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending || disabled}
      onClick={() =>
        start(async () => {
          const result = await resendDeliveryAction({ deliveryId });
          if (!result.ok) return void toast.error(result.error.message);
          toast.success(t("resent"));
          router.refresh();
        })
      }
    >
      <RefreshCw aria-hidden />
      {pending ? t("resending") : t("resend")}
    </Button>
  );
}
