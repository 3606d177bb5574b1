import { CalendarClock, CheckCircle2, History } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { unitLabel } from "@/components/lifecycle/unit-label";
import type { EmployeeDetail } from "@/lib/org/queries/load-employee-detail";

/** Scheduled lifecycle steps, recent sync changes and open conflicts of one employee. */
export async function EmployeeActivity({ detail }: { detail: EmployeeDetail }) {
  const [t, tl, format] = await Promise.all([
    getTranslations("employees"),
    getTranslations("lifecycle"),
    getFormatter(),
  ]);
  const instant = (d: Date | string, timeZone?: string) =>
    format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>{t("scheduled")}</CardTitle>
        </CardHeader>
        <CardContent>
          {detail.scheduledChanges.length === 0 ? (
            <EmptyState icon={<CalendarClock aria-hidden />} title={t("noScheduled")}>
              {t("noScheduledHint")}
            </EmptyState>
          ) : (
            <ul aria-label={t("scheduledLabel")} className="flex flex-col gap-2 text-sm">
              {detail.scheduledChanges.map((s) => (
                <li
                  key={`${s.type}-${s.connectionId}`}
                  className="flex flex-wrap items-center gap-2"
                >
                  <Badge>{tl(`type_${s.type}`)}</Badge>
                  <time dateTime={s.effectiveAt}>{instant(s.effectiveAt, s.timeZone)}</time>
                  <span className="text-xs text-muted-foreground">
                    {s.timeZone} · {s.connectionName}
                  </span>
                  {s.type === "transfer" ? (
                    <span>
                      {tl("transferDetail", {
                        from: unitLabel(s.fromUnit, s.fromUnitName),
                        to: unitLabel(s.toUnit, s.toUnitName),
                      })}
                    </span>
                  ) : null}
                  {s.due ? <Badge variant="warning">{tl("due")}</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("recentChanges")}</CardTitle>
        </CardHeader>
        <CardContent>
          {detail.recentChanges.length === 0 ? (
            <EmptyState icon={<History aria-hidden />} title={t("noChanges")} />
          ) : (
            <Table aria-label={t("changesLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("ccol.when")}</TableHead>
                  <TableHead>{t("ccol.op")}</TableHead>
                  <TableHead>{t("ccol.target")}</TableHead>
                  <TableHead>{t("ccol.run")}</TableHead>
                  <TableHead>{t("ccol.status")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.recentChanges.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell className="text-xs">{instant(c.startedAt)}</TableCell>
                    <TableCell>
                      <code className="text-xs">{c.op}</code>
                    </TableCell>
                    <TableCell className="text-xs">{c.connectionName}</TableCell>
                    <TableCell className="text-xs">
                      <Link href={`/sync/${c.runId}`} className="underline underline-offset-2">
                        {c.runKind}
                      </Link>{" "}
                      <span className="text-muted-foreground">{c.trigger}</span>
                    </TableCell>
                    <TableCell>
                      <Badge>{c.status}</Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("conflicts")}</CardTitle>
        </CardHeader>
        <CardContent>
          {detail.openConflicts.length === 0 ? (
            <EmptyState icon={<CheckCircle2 aria-hidden />} title={t("noConflicts")} />
          ) : (
            <ul aria-label={t("conflictsLabel")} className="flex flex-col gap-2 text-sm">
              {detail.openConflicts.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/conflicts?status=OPEN&type=${c.type}`}
                    className="font-medium underline underline-offset-2"
                  >
                    {c.type}
                  </Link>{" "}
                  <span className="text-muted-foreground">{c.detail ?? c.subjectKey}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </>
  );
}
