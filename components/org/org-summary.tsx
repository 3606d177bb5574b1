import { getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import type { OrgMappingSummary } from "@/lib/org/types";
import { cn } from "@/lib/core/cn";

const PARTS = [
  { key: "mapped", className: "bg-primary" },
  { key: "inherited", className: "bg-primary/40" },
  { key: "excluded", className: "bg-muted-foreground/40" },
  { key: "unmapped", className: "bg-warning" },
] as const;

/** Units per mapping status, as numbers and one stacked bar. */
export async function OrgSummary({ summary }: { summary: OrgMappingSummary }) {
  const t = await getTranslations("org");
  const total = PARTS.reduce((n, p) => n + summary[p.key], 0);
  return (
    <Card>
      <CardContent className="flex flex-col gap-3 p-5">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {PARTS.map((p) => (
            <div key={p.key} className="flex flex-col">
              <dt className="flex items-center gap-1.5 text-xs text-muted-foreground">
                <span aria-hidden className={cn("inline-block size-2.5 rounded-sm", p.className)} />
                {t(`summary.${p.key}`)}
              </dt>
              <dd className="text-xl font-semibold tabular-nums">{summary[p.key]}</dd>
            </div>
          ))}
          <div className="flex flex-col">
            <dt className="text-xs text-muted-foreground">{t("summary.unmappedEmployees")}</dt>
            <dd
              className={cn(
                "text-xl font-semibold tabular-nums",
                summary.unmappedEmployees > 0 && "text-destructive",
              )}
            >
              {summary.unmappedEmployees}
            </dd>
          </div>
        </dl>
        {total > 0 ? (
          <div
            role="img"
            aria-label={t("summary.chart")}
            className="flex h-2.5 w-full overflow-hidden rounded-full bg-muted"
          >
            {PARTS.map((p) =>
              summary[p.key] > 0 ? (
                <div
                  key={p.key}
                  className={p.className}
                  style={{ width: `${(summary[p.key] / total) * 100}%` }}
                />
              ) : null,
            )}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
