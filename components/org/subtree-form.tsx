"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { applyMappingToSubtreeAction } from "@/app/actions/org";
import { Button } from "@/components/ui/button";
import {
  applyMappingToSubtreeSchema,
  type ApplyMappingToSubtreeInput,
} from "@/lib/org/org-mapping-schemas";
import type { OrgTreeUnit } from "@/lib/org/types";

type Mode = ApplyMappingToSubtreeInput["mode"];
type Scope = ApplyMappingToSubtreeInput["scope"];

/** Bulk: one mode for the unit and everything below it (or clear what is below it), confirmed in two clicks. */
export function SubtreeForm({ connectionId, unit }: { connectionId: string; unit: OrgTreeUnit }) {
  const t = useTranslations("org");
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("EXCLUDE");
  const [scope, setScope] = useState<Scope>("unit_and_descendants");
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();

  const apply = () =>
    start(async () => {
      const input = applyMappingToSubtreeSchema.parse({
        connectionId,
        orgUnitId: unit.id,
        mode,
        scope,
        namingTemplate: "{name}",
      });
      const result = await applyMappingToSubtreeAction(input);
      setConfirming(false);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(t("subtree.applied", { count: result.data.units, name: unit.name }));
      router.refresh();
    });

  return (
    <section aria-label={t("subtree.title")} className="flex flex-col gap-2 border-t pt-4">
      <h3 className="text-sm font-semibold">{t("subtree.title")}</h3>
      <p className="text-xs text-muted-foreground">{t("subtree.hint")}</p>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("subtree.mode")}
          <select
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as Mode);
              setConfirming(false);
            }}
          >
            <option value="MIRROR">{t("choice.MIRROR")}</option>
            <option value="EXCLUDE">{t("choice.EXCLUDE")}</option>
            <option value="NONE">{t("subtree.clear")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("subtree.scope")}
          <select
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={scope}
            onChange={(e) => {
              setScope(e.target.value as Scope);
              setConfirming(false);
            }}
          >
            <option value="unit_and_descendants">{t("subtree.unitAndDescendants")}</option>
            <option value="descendants_only">{t("subtree.descendantsOnly")}</option>
          </select>
        </label>
      </div>
      {confirming ? (
        <div className="flex gap-2">
          <Button type="button" variant="destructive" size="sm" disabled={pending} onClick={apply}>
            {t("subtree.confirm")}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="self-start"
          onClick={() => setConfirming(true)}
        >
          {t("subtree.apply")}
        </Button>
      )}
    </section>
  );
}
