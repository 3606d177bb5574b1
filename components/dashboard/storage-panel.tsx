import { Database, Settings } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StorageChart } from "@/components/dashboard/storage-chart";
import { Button } from "@/components/ui/button";
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
import type { KindStats, TableStats } from "@/lib/retention/queries/get-storage-stats";

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

function sizeParts(bytes: number): { value: number; unit: (typeof UNITS)[number] } {
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < UNITS.length - 1) {
    value /= 1024;
    i += 1;
  }
  return { value, unit: UNITS[i] };
}

/** Rows and size per table, oldest record and last prune per kind: retention seen working. */
export function StoragePanel({ tables, kinds }: { tables: TableStats[]; kinds: KindStats[] }) {
  const t = useTranslations("storage");
  const tk = useTranslations("retention.kinds");
  const format = useFormatter();
  const size = (bytes: number) => {
    const { value, unit } = sizeParts(bytes);
    return format.number(value, { style: "unit", unit, maximumFractionDigits: 1 });
  };
  const totalBytes = tables.reduce((sum, r) => sum + r.bytes, 0);
  const totalRows = tables.reduce((sum, r) => sum + r.rows, 0);
  return (
    <Card className="mt-4" aria-labelledby="storage-title">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle id="storage-title">{t("title")}</CardTitle>
          <CardDescription>{t("description", { size: size(totalBytes) })}</CardDescription>
        </div>
        <Button asChild variant="outline" size="sm">
          <Link href="/jobs/retention">
            <Settings aria-hidden />
            {t("settingsLink")}
          </Link>
        </Button>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {totalRows === 0 ? (
          <EmptyState icon={<Database />} title={t("emptyTitle")}>
            {t("emptyHint")}
          </EmptyState>
        ) : (
          <StorageChart rows={tables.map(({ table, bytes }) => ({ table, bytes }))} />
        )}
        <Table aria-label={t("tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("kind")}</TableHead>
              <TableHead>{t("tables")}</TableHead>
              <TableHead>{t("oldest")}</TableHead>
              <TableHead className="text-right">{t("retention")}</TableHead>
              <TableHead>{t("lastPrune")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kinds.map((k) => (
              <TableRow key={k.kind} data-testid={`storage-${k.kind}`}>
                <TableCell className="font-medium">{tk(`${k.kind}.label`)}</TableCell>
                <TableCell>
                  {k.present ? (
                    <ul className="flex flex-col gap-0.5">
                      {tables
                        .filter((r) => r.kind === k.kind)
                        .map((r) => (
                          <li key={r.table} className="tabular-nums">
                            <span className="font-mono text-xs">{r.table}</span>{" "}
                            {t(r.estimated ? "rowsEstimated" : "rows", {
                              rows: format.number(r.rows),
                            })}
                            {" · "}
                            {size(r.bytes)}
                          </li>
                        ))}
                    </ul>
                  ) : (
                    <span className="text-muted-foreground">{t("absent")}</span>
                  )}
                </TableCell>
                <TableCell className="tabular-nums">
                  {k.oldest ? format.dateTime(k.oldest, { dateStyle: "medium" }) : "—"}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {t("days", { days: k.days })}
                </TableCell>
                <TableCell>
                  {k.lastPrune ? (
                    <span className={k.lastPrune.error ? "text-destructive" : undefined}>
                      {t(
                        k.lastPrune.error
                          ? "pruneFailed"
                          : k.lastPrune.complete
                            ? "pruned"
                            : "prunedPartly",
                        {
                          removed: format.number(k.lastPrune.removed),
                          when: format.relativeTime(k.lastPrune.at),
                        },
                      )}
                    </span>
                  ) : (
                    <span className="text-muted-foreground">{t("neverPruned")}</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
