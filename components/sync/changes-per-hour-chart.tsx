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
import type { HourlyChanges } from "@/lib/sync/sync-run-schemas";

/** Applied and failed changes per hour of the period, oldest left; quiet hours are drawn as gaps. */
export function ChangesPerHourChart({ series }: { series: HourlyChanges[] }) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const week = series.length > 24;
  const data = series.map((s) => ({
    label: format.dateTime(
      new Date(s.hour),
      week
        ? { month: "numeric", day: "numeric", hour: "2-digit" }
        : { hour: "2-digit", minute: "2-digit" },
    ),
    applied: s.applied,
    failed: s.failed,
  }));
  const busy = data.filter((d) => d.applied + d.failed > 0);
  if (busy.length === 0) return <p className="text-sm text-muted-foreground">{t("chartEmpty")}</p>;
  return (
    <figure aria-label={t("chartTitle")}>
      <div className="h-48 w-full">
        <ResponsiveContainer>
          <BarChart data={data} margin={{ left: 0, right: 8, top: 8 }}>
            <CartesianGrid vertical={false} strokeOpacity={0.3} />
            <XAxis dataKey="label" fontSize={11} minTickGap={16} />
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
      {/* Screen readers get the hours that had changes, not 168 zeros. */}
      <figcaption className="sr-only">
        {busy
          .map((d) => t("chartCaption", { when: d.label, applied: d.applied, failed: d.failed }))
          .join("; ")}
      </figcaption>
    </figure>
  );
}
