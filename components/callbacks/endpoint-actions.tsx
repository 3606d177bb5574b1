"use client";
import { Pencil, Power, PowerOff, Send, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  deleteEndpointAction,
  sendTestEventAction,
  setEndpointEnabledAction,
} from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { RotateSecretButton } from "./rotate-secret-button";

/** Send a test event, edit, enable/disable, rotate the secret, delete. */
export function EndpointActions({
  id,
  name,
  enabled,
}: {
  id: string;
  name: string;
  enabled: boolean;
}) {
  const t = useTranslations("callbacks.actions");
  const router = useRouter();
  const [pending, start] = useTransition();

  const sendTest = () =>
    start(async () => {
      const result = await sendTestEventAction({ id });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(t("testSent", { eventId: result.data.eventId }));
      router.refresh();
    });
  const toggle = () =>
    start(async () => {
      const result = await setEndpointEnabledAction({ id, enabled: !enabled });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(result.data.enabled ? t("enabled") : t("disabled"));
      router.refresh();
    });
  const remove = () => {
    if (!window.confirm(t("confirmDelete", { name }))) return;
    start(async () => {
      const result = await deleteEndpointAction({ id });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(t("deleted"));
      router.push("/callbacks");
    });
  };

  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={sendTest} disabled={pending || !enabled}>
        <Send aria-hidden />
        {t("sendTest")}
      </Button>
      <Button asChild variant="outline">
        <Link href={`/callbacks/${id}/edit`}>
          <Pencil aria-hidden />
          {t("edit")}
        </Link>
      </Button>
      <Button variant="outline" onClick={toggle} disabled={pending}>
        {enabled ? <PowerOff aria-hidden /> : <Power aria-hidden />}
        {enabled ? t("disable") : t("enable")}
      </Button>
      <RotateSecretButton id={id} name={name} />
      <Button variant="outline" onClick={remove} disabled={pending} className="text-destructive">
        <Trash2 aria-hidden />
        {t("delete")}
      </Button>
    </div>
  );
}
