"use client";
import { History } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { replayFailedSinceAction } from "@/app/actions/callbacks";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { instantToLocalDateTime } from "@/lib/core/time/instant-to-local-date-time";
import { localDateTimeToInstant } from "@/lib/core/time/local-date-time-to-instant";

// datetime-local inputs read in the browser's own zone.
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Replay all failed since <time>", confirmed, then a toast with how many were queued. */
export function ReplayFailedForm({ endpointId, name }: { endpointId: string; name: string }) {
  const t = useTranslations("callbacks.replay");
  const format = useFormatter();
  const router = useRouter();
  const [since, setSince] = useState(() =>
    instantToLocalDateTime(Date.now() - 86_400_000, browserZone()),
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    let at: Date;
    try {
      at = localDateTimeToInstant(since, browserZone(), "earliest");
    } catch {
      return setError(t("since"));
    }
    if (
      !window.confirm(
        t("confirm", {
          name,
          when: format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
        }),
      )
    )
      return;
    start(async () => {
      const result = await replayFailedSinceAction({ endpointId, since: at.toISOString() });
      if (!result.ok) {
        setError(result.error.fieldErrors?.since ?? result.error.message);
        toast.error(result.error.message);
        return;
      }
      setError(null);
      toast.success(t("done", { count: result.data.count }));
      router.refresh();
    });
  };

  return (
    <Form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="replay-since" className="text-xs font-medium text-muted-foreground">
          {t("since")}
        </label>
        <Input
          id="replay-since"
          type="datetime-local"
          value={since}
          onChange={(e) => setSince(e.target.value)}
          className="w-56"
          aria-invalid={!!error || undefined}
          aria-describedby={error ? "replay-since-error" : "replay-hint"}
        />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        <History aria-hidden />
        {pending ? t("replaying") : t("button")}
      </Button>
      {error ? (
        <p id="replay-since-error" className="w-full text-xs text-destructive">
          {error}
        </p>
      ) : (
        <p id="replay-hint" className="w-full text-xs text-muted-foreground">
          {t("hint")}
        </p>
      )}
    </Form>
  );
}
