import { CalendarClock } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ScheduledChangeRow } from "@/lib/lifecycle/queries/list-scheduled-changes";
import { unitLabel } from "./unit-label";

const VARIANT = {
  preboard: "default",
  create: "default",
  enable: "success",
  disable: "warning",
  delete: "destructive",
  transfer: "default",
} as const;

/** What will happen to whom and when: each instant in the employee's own zone (and UTC), named. */
export async function ScheduledChangesTable({ rows }: { rows: ScheduledChangeRow[] }) {
  const [t, format] = await Promise.all([getTranslations("lifecycle"), getFormatter()]);
  if (rows.length === 0)
    return (
      <EmptyState icon={<CalendarClock aria-hidden />} title={t("empty")}>
        {t("emptyHint")}
      </EmptyState>
    );
  return (
    <Table aria-label={t("tableLabel")}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("when")}</TableHead>
          <TableHead>{t("change")}</TableHead>
          <TableHead>{t("employee")}</TableHead>
          <TableHead>{t("target")}</TableHead>
          <TableHead>{t("details")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow
            key={`${r.type}-${r.connectionId}-${r.employeeNo}`}
            data-testid={`scheduled-${r.type}-${r.employeeNo}`}
          >
            <TableCell>
              <time dateTime={r.effectiveAt}>
                {format.dateTime(new Date(r.effectiveAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: r.timeZone,
                })}
              </time>{" "}
              <span className="text-xs text-muted-foreground">{r.timeZone}</span>
              <span className="block text-xs text-muted-foreground">
                {format.dateTime(new Date(r.effectiveAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "UTC",
                })}{" "}
                UTC
              </span>
              {r.due ? (
                <Badge variant="warning" className="ml-2">
                  {t("due")}
                </Badge>
              ) : null}
            </TableCell>
            <TableCell>
              <Badge variant={VARIANT[r.type]}>{t(`type_${r.type}`)}</Badge>
            </TableCell>
            <TableCell>
              {r.name} <span className="text-xs text-muted-foreground">{r.employeeNo}</span>
            </TableCell>
            <TableCell>{r.connectionName}</TableCell>
            <TableCell>
              {r.type === "transfer" ? (
                t("transferDetail", {
                  from: unitLabel(r.fromUnit, r.fromUnitName),
                  to: unitLabel(r.toUnit, r.toUnitName),
                })
              ) : r.reason ? (
                r.reason
              ) : (
                <span aria-hidden>—</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
