"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const UNITS = [
  { label: "kB", bytes: 1024 },
  { label: "MB", bytes: 1024 ** 2 },
  { label: "GB", bytes: 1024 ** 3 },
];

/** Size per table, largest first, in the unit that suits the largest: where the disk goes at a glance. */
export function StorageChart({ rows }: { rows: { table: string; bytes: number }[] }) {
  const t = useTranslations("storage");
  const largest = Math.max(0, ...rows.map((r) => r.bytes));
  const unit = UNITS.findLast((u) => largest >= u.bytes) ?? UNITS[0];
  const data = [...rows]
    .sort((a, b) => b.bytes - a.bytes)
    .map((r) => ({ table: r.table, size: Math.round((r.bytes / unit.bytes) * 10) / 10 }));
  return (
    <figure aria-label={t("chartLabel")}>
      <div className="w-full" style={{ height: Math.max(160, data.length * 26) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeOpacity={0.3} />
            <XAxis type="number" fontSize={12} unit={` ${unit.label}`} />
            <YAxis type="category" dataKey="table" width={150} fontSize={12} />
            <Tooltip formatter={(v) => [`${v} ${unit.label}`, t("size")]} />
            <Bar
              dataKey="size"
              fill="var(--primary)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.map((d) => `${d.table}: ${d.size} ${unit.label}`).join(", ")}
      </figcaption>
    </figure>
  );
}
