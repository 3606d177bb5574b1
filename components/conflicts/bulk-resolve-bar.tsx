"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { bulkResolveConflictsAction } from "@/app/actions/conflicts";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  bulkResolveConflictsSchema,
  type BulkResolveConflictsInput,
} from "@/lib/conflicts/conflict-queue-schemas";

type Props = { conflictIds: string[]; onDone: () => void };

/** One resolution (keep HR / keep IM / ignore) and note for every selected conflict. */
export function BulkResolveBar({ conflictIds, onDone }: Props) {
  const t = useTranslations("conflicts");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [resolution, setResolution] = useState<BulkResolveConflictsInput["resolution"]>("KEEP_HR");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = { conflictIds, resolution, note };
    const parsed = bulkResolveConflictsSchema.safeParse(input);
    if (!parsed.success) return void setError(parsed.error.issues[0].message);
    setError(null);
    start(async () => {
      const r = await bulkResolveConflictsAction(input);
      if (!r.ok) return void setError(r.error.message);
      toast.success(t("bulkResolvedToast", { count: r.data.resolved }));
      onDone();
      router.refresh();
    });
  };

  return (
    <Form
      onSubmit={submit}
      aria-label={t("bulkTitle", { count: conflictIds.length })}
      className="flex flex-wrap items-end gap-3 rounded-md border bg-muted/30 p-3"
    >
      <span className="text-sm font-medium">{t("bulkTitle", { count: conflictIds.length })}</span>
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-resolution" className="text-xs font-medium text-muted-foreground">
          {t("resolution")}
        </label>
        <select
          id="bulk-resolution"
          value={resolution}
          onChange={(e) => setResolution(e.target.value as typeof resolution)}
          className="h-9 rounded-md border bg-card px-2 text-sm"
        >
          {(["KEEP_HR", "KEEP_IM", "IGNORE"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`resolutions.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-note" className="text-xs font-medium text-muted-foreground">
          {resolution === "IGNORE" ? t("noteRequired") : t("note")}
        </label>
        <Input
          id="bulk-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className="w-72"
        />
      </div>
      <Button type="submit" size="sm" disabled={pending}>
        {t("bulkApply")}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
