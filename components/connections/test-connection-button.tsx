"use client";
import { Loader2, PlugZap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { testConnectionAction } from "@/app/actions/connections";
import { Button } from "@/components/ui/button";

type Outcome = { ok: boolean; message: string; code: string | null; latencyMs: number };

/** Runs the platform check (can take seconds) and shows the platform's answer under the button. */
export function TestConnectionButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("connections");
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        aria-busy={pending}
        aria-label={t("testNamed", { name })}
        onClick={() =>
          start(async () => {
            setOutcome(null);
            const result = await testConnectionAction({ id });
            if (!result.ok) {
              toast.error(result.error.message);
              return;
            }
            setOutcome(result.data);
            if (result.data.ok) toast.success(t("testOk", { name }));
            else toast.error(t("testFailed", { name }));
          })
        }
      >
        {pending ? <Loader2 aria-hidden className="animate-spin" /> : <PlugZap aria-hidden />}
        {pending ? t("testing") : t("test")}
      </Button>
      <p
        role="status"
        className={
          outcome?.ok === false
            ? "max-w-xs text-right text-xs text-destructive"
            : "max-w-xs text-right text-xs text-muted-foreground"
        }
      >
        {outcome
          ? t("platformAnswer", {
              message: outcome.code ? `[${outcome.code}] ${outcome.message}` : outcome.message,
              latency: outcome.latencyMs,
            })
          : null}
      </p>
    </div>
  );
}
