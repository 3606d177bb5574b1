"use client";
import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { rotateEndpointSecretAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { Dialog } from "./dialog";
import { SecretDialog } from "./secret-dialog";

const OVERLAPS = [0, 1, 24, 72, 168] as const;

/** Choose an overlap, rotate, then show the new secret once. */
export function RotateSecretButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("callbacks");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [overlapHours, setOverlap] = useState<number>(24);
  const [rotated, setRotated] = useState<{ secret: string; previousUntil: string | null } | null>(
    null,
  );
  const [pending, start] = useTransition();

  const rotate = () =>
    start(async () => {
      const result = await rotateEndpointSecretAction({ id, overlapHours });
      if (!result.ok) return void toast.error(result.error.message);
      setOpen(false);
      setRotated({
        secret: result.data.secret,
        previousUntil: result.data.previousSecretExpiresAt,
      });
      toast.success(t("rotate.rotated"));
    });
  const overlapLabel = (h: number) =>
    h === 0
      ? t("rotate.none")
      : h % 24 === 0
        ? t("rotate.days", { days: h / 24 })
        : t("rotate.hours", { hours: h });

  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <RotateCw aria-hidden />
        {t("rotate.button")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("rotate.title")}
        description={t("rotate.body")}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="rotate-overlap" className="text-sm font-medium">
            {t("rotate.overlap")}
          </label>
          <select
            id="rotate-overlap"
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={overlapHours}
            onChange={(e) => setOverlap(Number(e.target.value))}
          >
            {OVERLAPS.map((h) => (
              <option key={h} value={h}>
                {overlapLabel(h)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setOpen(false)}>
            {t("form.cancel")}
          </Button>
          <Button onClick={rotate} disabled={pending}>
            {pending ? t("rotate.rotating") : t("rotate.confirm")}
          </Button>
        </div>
      </Dialog>
      <SecretDialog
        secret={rotated?.secret ?? null}
        title={t("secret.rotatedTitle", { name })}
        previousUntil={rotated?.previousUntil}
        onDone={() => {
          setRotated(null);
          router.refresh();
        }}
      />
    </>
  );
}
