"use client";
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { listImGroupsForLinkAction } from "@/app/actions/org";
import { Button } from "@/components/ui/button";
import type { LinkableImGroup } from "@/lib/org/types";
import type { SaveMappingInput } from "@/lib/org/org-mapping-schemas";

type Props = {
  connectionId: string;
  control: Control<SaveMappingInput>;
  setValue: UseFormSetValue<SaveMappingInput>;
  error?: string;
  /** Name of the group linked now, shown before the live list is loaded. */
  currentName?: string;
};

/** Loads the IM's live groups on demand and sets the LINK target. */
export function ImGroupPicker({ connectionId, control, setValue, error, currentName }: Props) {
  const t = useTranslations("org");
  const value = useWatch({ control, name: "imGroupExternalId" });
  const [groups, setGroups] = useState<LinkableImGroup[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  const load = () =>
    startLoading(async () => {
      const result = await listImGroupsForLinkAction({ connectionId });
      if (result.ok) {
        setGroups(result.data);
        setLoadError(null);
      } else
        setLoadError(
          result.error.code === "im_unreachable" ? t("imUnreachable") : result.error.message,
        );
    });

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor="mapping-im-group" className="text-sm font-medium">
          {t("imGroupLabel")}
        </label>
        <Button type="button" variant="outline" size="sm" onClick={load} disabled={loading}>
          <RefreshCw className={loading ? "animate-spin" : undefined} />
          {t(groups ? "reloadGroups" : "loadGroups")}
        </Button>
      </div>
      <select
        id="mapping-im-group"
        className="h-9 rounded-md border bg-card px-2 text-sm aria-invalid:border-destructive"
        aria-invalid={!!error}
        value={value ?? ""}
        onChange={(e) => {
          const picked = groups?.find((g) => g.externalId === e.target.value);
          setValue("imGroupExternalId", e.target.value, {
            shouldValidate: true,
            shouldDirty: true,
          });
          setValue("imGroupName", picked?.name ?? "");
        }}
      >
        <option value="">{t("chooseGroup")}</option>
        {!groups && value ? <option value={value}>{currentName ?? value}</option> : null}
        {groups?.map((g) => (
          <option key={g.externalId} value={g.externalId}>
            {g.path}
          </option>
        ))}
      </select>
      {loadError ? (
        <p role="alert" className="text-xs text-destructive">
          {loadError}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {t("fieldError", { field: t("imGroupLabel"), message: error })}
        </p>
      ) : null}
    </div>
  );
}
