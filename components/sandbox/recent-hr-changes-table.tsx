import { History } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
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
import type { RecentHrChange } from "@/lib/sandbox/console/list-recent-hr-changes";

const STATUS_VARIANT: Record<string, "success" | "warning" | "destructive" | "outline"> = {
  active: "success",
  onboarding: "warning",
  on_leave: "outline",
  terminated: "destructive",
  inactive: "destructive",
};

export async function RecentHrChangesTable({ rows }: { rows: RecentHrChange[] }) {
  const t = await getTranslations("hrSimulator");
  const format = await getFormatter();
  return (
    <Card aria-labelledby="recent-changes-title">
      <CardHeader>
        <CardTitle id="recent-changes-title">{t("recentTitle")}</CardTitle>
        <CardDescription>{t("recentHint")}</CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {rows.length === 0 ? (
          <div className="p-6">
            <EmptyState icon={<History />} title={t("recentEmpty")} />
          </div>
        ) : (
          <Table aria-labelledby="recent-changes-title">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.time")}</TableHead>
                <TableHead>{t("columns.type")}</TableHead>
                <TableHead>{t("columns.key")}</TableHead>
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.unit")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="text-right">{t("columns.version")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.type}:${r.key}`}>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    {format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "medium" })}
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline">{t(`types.${r.type}`)}</Badge>
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{r.key}</code>
                  </TableCell>
                  <TableCell className="font-medium">{r.name}</TableCell>
                  <TableCell>
                    <code className="text-xs">{r.unitCode ?? "—"}</code>
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[r.status] ?? "outline"}>
                      {t.has(`status.${r.status}`)
                        ? t(`status.${r.status}` as "status.active")
                        : r.status}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">v{r.version}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
