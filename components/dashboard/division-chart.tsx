"use client";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = { code: string; name: string; nameEn: string | null; count: number };

export function DivisionChart({ rows }: { rows: Row[] }) {
  const locale = useLocale();
  const t = useTranslations("dashboard");
  const data = rows.map((r) => ({
    label: locale === "en" ? (r.nameEn ?? r.name) : r.name,
    count: r.count,
  }));
  return (
    <figure aria-label={t("headcountByDivision")}>
      <div className="h-72 w-full">
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeOpacity={0.3} />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="label" width={120} fontSize={12} />
            <Tooltip formatter={(v) => [v, t("employees")]} />
            <Bar
              dataKey="count"
              fill="var(--primary)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.map((d) => `${d.label}: ${d.count}`).join(", ")}
      </figcaption>
    </figure>
  );
}
