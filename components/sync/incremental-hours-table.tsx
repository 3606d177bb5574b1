import { Activity } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ActivityRange, IncrementalHourRow } from "@/lib/sync/sync-run-schemas";
import { syncActivityHref } from "./sync-activity-href";

/** Incremental runs added up per hour and IM target; each hour opens its runs. */
export function IncrementalHoursTable({
  rows,
  range,
}: {
  rows: IncrementalHourRow[];
  range: ActivityRange;
}) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const hourLabel = (iso: string) => {
    const start = new Date(iso);
    const end = new Date(start.getTime() + 3_600_000);
    return `${format.dateTime(start, { dateStyle: "short", timeStyle: "short" })}–${format.dateTime(end, { timeStyle: "short" })}`;
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("hourlyTitle")}</CardTitle>
        <CardDescription>{t("hourlyHint")}</CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {rows.length === 0 ? (
          <div className="p-6 pt-0">
            <EmptyState icon={<Activity />} title={t("hourlyEmpty")}>
              {t("hourlyEmptyHint")}
            </EmptyState>
          </div>
        ) : (
          <Table aria-label={t("hourlyLabel")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("hour")}</TableHead>
                <TableHead>{t("connection")}</TableHead>
                <TableHead className="text-right">{t("runs")}</TableHead>
                <TableHead className="text-right">{t("applied")}</TableHead>
                <TableHead className="text-right">{t("failed")}</TableHead>
                <TableHead className="text-right">{t("skipped")}</TableHead>
                <TableHead className="text-right">{t("conflicts")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => {
                const hour = hourLabel(r.hour);
                return (
                  <TableRow key={`${r.hour} ${r.connectionId}`}>
                    <TableCell className="whitespace-nowrap text-xs">{hour}</TableCell>
                    <TableCell>{r.connectionName}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      <Link
                        className="font-medium text-primary hover:underline"
                        href={syncActivityHref({
                          kind: "INCREMENTAL",
                          range,
                          hour: r.hour,
                          connection: r.connectionId,
                        })}
                        aria-label={t("openHourLabel", {
                          runs: r.runs,
                          hour,
                          connection: r.connectionName,
                        })}
                      >
                        {t("openHour", { runs: r.runs })}
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.applied}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.failed}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.skipped}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.conflicts}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
