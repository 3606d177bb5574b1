"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ProvisionResult } from "@/lib/sync/provision-schemas";

type Entry = ProvisionResult["trace"][number];

/** One trace entry as a sentence: the rule, then what it decided, with instants in the viewer's locale. */
export function TraceLine({ entry }: { entry: Entry }) {
  const t = useTranslations("employees.provision");
  const format = useFormatter();
  const d = entry.detail ?? {};
  // A transfer's instant is shown on the employee's wall clock, the zone it names.
  const when = (iso: string | undefined, timeZone?: string) =>
    iso
      ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone })
      : "";
  const field = entry.field
    ? t.has(`fieldName.${entry.field}`)
      ? t(`fieldName.${entry.field}`)
      : entry.field
    : "";
  const reasonCode = d.reason ?? "";
  const reason =
    entry.rule === "authority" || entry.rule === "manager"
      ? [
          t.has(`reason.${reasonCode}`) ? t(`reason.${reasonCode}`) : reasonCode,
          d.at === "creation" ? t("atCreation") : "",
        ]
          .filter(Boolean)
          .join(", ")
      : reasonCode;
  const key = `outcome.${entry.rule}_${entry.outcome}`;
  const text = t.has(key)
    ? t(key, {
        field,
        reason,
        unit: d.unit ?? "",
        group: d.group ?? (d.newGroupFor ? t("newGroup", { unit: d.newGroupFor }) : ""),
        enableAt: when(d.enableAt),
        manager: d.manager ?? "",
        effectiveAt: when(d.effectiveAt, d.timeZone),
        timeZone: d.timeZone ?? "",
        fromUnit: d.fromUnit || "—",
        toUnit: d.toUnit ?? "",
      })
    : `${entry.outcome} ${JSON.stringify(d)}`;
  return (
    <li className="flex flex-wrap items-baseline gap-2 text-sm" data-rule={entry.rule}>
      <Badge className="shrink-0">{t(`rule.${entry.rule}`)}</Badge>
      <span>{text}</span>
    </li>
  );
}
