"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const MB = 1024 * 1024;

/** Size per table in MB, largest first: where the disk goes at a glance. */
export function StorageChart({ rows }: { rows: { table: string; bytes: number }[] }) {
  const t = useTranslations("storage");
  const data = [...rows]
    .sort((a, b) => b.bytes - a.bytes)
    .map((r) => ({ table: r.table, mb: Math.round((r.bytes / MB) * 10) / 10 }));
  return (
    <figure aria-label={t("chartLabel")}>
      <div className="w-full" style={{ height: Math.max(160, data.length * 26) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeOpacity={0.3} />
            <XAxis type="number" fontSize={12} unit=" MB" />
            <YAxis type="category" dataKey="table" width={150} fontSize={12} />
            <Tooltip formatter={(v) => [`${v} MB`, t("size")]} />
            <Bar
              dataKey="mb"
              fill="var(--primary)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.map((d) => `${d.table}: ${d.mb} MB`).join(", ")}
      </figcaption>
    </figure>
  );
}
