"use client";
import { useFormatter, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { SyncRunRow } from "@/lib/sync/sync-run-schemas";

const SHOWN = 12;

/** Applied vs failed changes of the last runs that planned anything, oldest left. */
export function SyncRunsChart({ runs }: { runs: SyncRunRow[] }) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const data = runs
    .filter((r) => r.planned > 0)
    .slice(0, SHOWN)
    .reverse()
    .map((r) => ({
      label: format.dateTime(new Date(r.startedAt), {
        month: "numeric",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }),
      applied: r.applied,
      failed: r.failed,
    }));
  if (data.length === 0) return <p className="text-sm text-muted-foreground">{t("chartEmpty")}</p>;
  return (
    <figure aria-label={t("chartTitle")}>
      <div className="h-48 w-full">
        <ResponsiveContainer>
          <BarChart data={data} margin={{ left: 0, right: 8, top: 8 }}>
            <CartesianGrid vertical={false} strokeOpacity={0.3} />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} width={48} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="applied"
              name={t("applied")}
              stackId="a"
              fill="var(--primary)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="failed"
              name={t("failed")}
              stackId="a"
              fill="var(--destructive)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data
          .map((d) => t("chartCaption", { when: d.label, applied: d.applied, failed: d.failed }))
          .join("; ")}
      </figcaption>
    </figure>
  );
}
