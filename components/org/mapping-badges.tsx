"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OrgTreeUnit } from "@/lib/org/types";

const MODE_VARIANT = { MIRROR: "default", LINK: "success", EXCLUDE: "outline" } as const;

/** The unit's own mapping, or where its effective mapping comes from. */
export function MappingBadges({
  unit,
  unitName,
}: {
  unit: OrgTreeUnit;
  unitName: (code: string) => string;
}) {
  const t = useTranslations("org");
  if (unit.own) {
    const target =
      unit.own.mode === "LINK"
        ? unit.own.imGroupName
        : unit.own.mode === "MIRROR"
          ? unit.own.namingTemplate
          : null;
    return (
      <span className="flex min-w-0 items-center gap-1.5">
        <Badge variant={MODE_VARIANT[unit.own.mode]}>{t(`mode.${unit.own.mode}`)}</Badge>
        {target ? <span className="truncate text-xs text-muted-foreground">{target}</span> : null}
        {!unit.own.includeDescendants ? (
          <span className="text-xs text-muted-foreground">{t("unitOnly")}</span>
        ) : null}
      </span>
    );
  }
  if (unit.effective) {
    return (
      <span className="flex min-w-0 items-center gap-1.5">
        <Badge variant="outline">{t(`mode.${unit.effective.mode}`)}</Badge>
        <span className="truncate text-xs text-muted-foreground">
          {t("inheritedFrom", { name: unitName(unit.effective.fromUnitCode) })}
        </span>
      </span>
    );
  }
  return <Badge variant="warning">{t("status.unmapped")}</Badge>;
}
