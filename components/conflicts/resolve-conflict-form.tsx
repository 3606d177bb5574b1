"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { resolveConflictAction } from "@/app/actions/conflicts";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import {
  resolveConflictSchema,
  TEXT_CUSTOM_TYPES,
  type ConflictTypeName,
  type ResolutionKind,
} from "@/lib/conflicts/conflict-queue-schemas";

/** Custom values a type accepts, as an example for the hint (absent: no custom value makes sense). */
const CUSTOM_EXAMPLES: Partial<Record<ConflictTypeName, string>> = {
  im_group_moved: '{"parentExternalId": "12"}',
  unmapped_unit: '{"mode": "LINK", "imGroupExternalId": "12"}',
  mapping_group_deleted: '{"imGroupExternalId": "12"}',
  depth_exceeded: '{"imGroupExternalId": "12"}',
  invalid_group_name: '{"namingTemplate": "{name}"}',
};

type Props = { conflictId: string; type: string; subject: string; onDone: () => void };

/** Keep HR / keep IM / custom / ignore for one conflict, with a note. */
export function ResolveConflictForm({ conflictId, type, subject, onDone }: Props) {
  const t = useTranslations("conflicts");
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [resolution, setResolution] = useState<ResolutionKind>("KEEP_HR");
  const [customValue, setCustomValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const textCustom = TEXT_CUSTOM_TYPES.includes(type as ConflictTypeName);
  const example = CUSTOM_EXAMPLES[type as ConflictTypeName];
  const kinds: ResolutionKind[] =
    textCustom || example
      ? ["KEEP_HR", "KEEP_IM", "CUSTOM", "IGNORE"]
      : ["KEEP_HR", "KEEP_IM", "IGNORE"];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input = {
      conflictId,
      resolution,
      customValue: resolution === "CUSTOM" ? customValue : undefined,
      note,
    };
    const parsed = resolveConflictSchema.safeParse(input);
    if (!parsed.success)
      return void setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
      );
    setErrors({});
    start(async () => {
      const r = await resolveConflictAction(input);
      if (!r.ok) {
        setErrors(r.error.fieldErrors ?? {});
        return void toast.error(r.error.message);
      }
      toast.success(t("resolvedToast"));
      onDone();
      router.refresh();
    });
  };

  return (
    <Form
      onSubmit={submit}
      aria-label={t("resolveTitle", { subject })}
      className="flex flex-col gap-3 rounded-md border bg-muted/30 p-3"
    >
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-xs font-medium text-muted-foreground">
          {t("resolution")}
        </legend>
        {kinds.map((k) => (
          <label key={k} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name={`${id}-resolution`}
              value={k}
              checked={resolution === k}
              onChange={() => setResolution(k)}
            />
            {t(`resolutions.${k}`)}
          </label>
        ))}
      </fieldset>
      {resolution === "CUSTOM" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-custom`} className="text-xs font-medium">
            {t("customValue")}
          </label>
          <Input
            id={`${id}-custom`}
            value={customValue}
            onChange={(e) => setCustomValue(e.target.value)}
            aria-invalid={!!errors.customValue}
            aria-describedby={`${id}-custom-hint`}
            placeholder={example}
          />
          <p id={`${id}-custom-hint`} className="text-xs text-muted-foreground">
            {textCustom ? t("customHintText") : t("customHintJson", { example: example ?? "{}" })}
          </p>
          {errors.customValue ? (
            <p role="alert" className="text-xs text-destructive">
              {errors.customValue}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-note`} className="text-xs font-medium">
          {resolution === "IGNORE" ? t("noteRequired") : t("note")}
        </label>
        <Input
          id={`${id}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={!!errors.note}
        />
        {errors.note ? (
          <p role="alert" className="text-xs text-destructive">
            {errors.note}
          </p>
        ) : null}
      </div>
      {errors.resolution ? (
        <p role="alert" className="text-xs text-destructive">
          {errors.resolution}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {t("submit")}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </Form>
  );
}
