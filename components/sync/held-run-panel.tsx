"use client";
import { Check, ShieldAlert, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { approveHeldRunAction, rejectHeldRunAction } from "@/app/actions/sync";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { HeldRunSummary } from "@/lib/sync/queries/get-sync-run";

type Props = {
  runId: string;
  held: HeldRunSummary;
  /** Who approved it already, if anyone. */
  approvedBy: string | null;
  /** IT admins decide; HR only reads. */
  mayDecide: boolean;
};

/** What a run held by the safety threshold would do, with Approve / Reject for IT admins. */
export function HeldRunPanel({ runId, held, approvedBy, mayDecide }: Props) {
  const t = useTranslations("sync");
  const router = useRouter();
  const [pending, start] = useTransition();
  const approve = () =>
    start(async () => {
      const r = await approveHeldRunAction({ runId });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(t("approvedToast"));
      router.push("/sync");
    });
  const reject = () =>
    start(async () => {
      if (!window.confirm(t("confirmReject"))) return;
      const r = await rejectHeldRunAction({ runId });
      if (!r.ok) return void toast.error(r.error.message);
      toast.success(t("rejectedToast"));
      router.refresh();
    });
  const note = approvedBy
    ? t("heldApproved", { name: approvedBy })
    : held.conflictId === null
      ? t("heldSuperseded")
      : mayDecide
        ? t("heldHint")
        : t("heldReadOnly");
  return (
    <Card role="region" aria-label={t("heldTitle")} className="border-warning">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldAlert aria-hidden className="size-5" />
          {t("heldTitle")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <p className="font-medium">
          {t("heldSummary", { disables: held.disables, deletes: held.deletes })}
        </p>
        {held.limit !== null ? (
          <p className="text-sm text-muted-foreground">{t("heldLimit", { limit: held.limit })}</p>
        ) : null}
        <p className="text-sm">{note}</p>
        {mayDecide && !approvedBy && held.conflictId !== null ? (
          <div className="flex gap-2">
            <Button disabled={pending} onClick={approve}>
              <Check aria-hidden />
              {t("approve")}
            </Button>
            <Button variant="outline" disabled={pending} onClick={reject}>
              <X aria-hidden />
              {t("reject")}
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
