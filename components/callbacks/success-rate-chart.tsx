"use client";
import { useFormatter, useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { SuccessRateSeries } from "@/lib/callbacks/callback-console-schemas";

const percent = (rate: number) => Math.round(rate * 1000) / 10;

/** Succeeded vs failed attempts per hour (24 h) or day (7 d), with the success rate as a line, and the same in words. */
export function SuccessRateChart({ series }: { series: SuccessRateSeries }) {
  const t = useTranslations("callbacks.chart");
  const format = useFormatter();
  const hourly = series.range === "24h";
  const label = (iso: string) =>
    hourly
      ? format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" })
      : format.dateTime(new Date(iso), { month: "numeric", day: "numeric", weekday: "short" });
  const data = series.buckets.map((b) => ({
    label: label(b.start),
    succeeded: b.succeeded,
    failed: b.failed,
    rate: b.rate === null ? null : percent(b.rate),
  }));
  const total = series.succeeded + series.failed;
  const rangeName = t(hourly ? "range24h" : "range7d");
  const tried = series.buckets.filter((b) => b.rate !== null);
  const worst = tried.length ? tried.reduce((w, b) => (b.rate! < w.rate! ? b : w)) : null;

  if (total === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <figure aria-labelledby="success-rate-summary" className="flex flex-col gap-2">
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer>
          <ComposedChart
            data={data}
            margin={{ left: 0, right: 8, top: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} strokeOpacity={0.3} />
            <XAxis dataKey="label" fontSize={11} interval={hourly ? 2 : 0} />
            <YAxis yAxisId="count" allowDecimals={false} fontSize={11} width={40} />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              fontSize={11}
              width={44}
            />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              yAxisId="count"
              dataKey="succeeded"
              name={t("succeeded")}
              stackId="a"
              fill="var(--success)"
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="failed"
              name={t("failed")}
              stackId="a"
              fill="var(--destructive)"
              isAnimationActive={false}
            />
            <Line
              yAxisId="rate"
              dataKey="rate"
              name={t("rate")}
              unit="%"
              stroke="var(--primary)"
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="success-rate-summary" className="text-sm text-muted-foreground">
        {t("summary", {
          range: rangeName,
          succeeded: series.succeeded,
          total,
          rate: percent(series.rate ?? 0),
        })}{" "}
        {worst && worst.rate! < 1
          ? t("worst", {
              unit: hourly ? "hour" : "day",
              when: label(worst.start),
              rate: percent(worst.rate!),
            })
          : null}
      </figcaption>
      <ul className="sr-only">
        {series.buckets
          .filter((b) => b.rate !== null)
          .map((b) => (
            <li key={b.start}>
              {t("bucket", { when: label(b.start), succeeded: b.succeeded, failed: b.failed })}
            </li>
          ))}
      </ul>
    </figure>
  );
}
