import { UserX } from "lucide-react";
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
import type { EmployeeDetail } from "@/lib/org/queries/load-employee-detail";

/** The HR record and the IM accounts OrgBridge keeps for the employee. */
export async function EmployeeRecord({ detail }: { detail: EmployeeDetail }) {
  const [t, format] = await Promise.all([getTranslations("employees"), getFormatter()]);
  const day = (d: Date | string | null) =>
    d ? format.dateTime(new Date(d), { dateStyle: "medium", timeZone: "UTC" }) : t("none");
  const rows: [string, React.ReactNode][] = [
    ["status", <Badge key="s">{t(`status.${detail.status}`)}</Badge>],
    ["unit", detail.orgUnitName ? `${detail.orgUnitName} (${detail.orgUnitCode})` : t("none")],
    [
      "manager",
      detail.managerEmployeeNo ? (
        <Link
          key="m"
          href={`/employees/${encodeURIComponent(detail.managerEmployeeNo)}`}
          className="underline underline-offset-2"
        >
          {detail.managerName ?? detail.managerEmployeeNo}
        </Link>
      ) : (
        t("none")
      ),
    ],
    ["title", detail.title ?? t("none")],
    ["email", detail.email ?? t("none")],
    ["mobile", detail.mobile ?? t("none")],
    ["hireDate", day(detail.hireDate)],
    ["terminationDate", day(detail.terminationDate)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t("hrRecord")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            {rows.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-muted-foreground">{t(`field.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("imAccounts")}</CardTitle>
        </CardHeader>
        <CardContent>
          {detail.imAccounts.length === 0 ? (
            <EmptyState icon={<UserX aria-hidden />} title={t("noAccounts")}>
              {t("noAccountsHint")}
            </EmptyState>
          ) : (
            <Table aria-label={t("accountsLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("acol.target")}</TableHead>
                  <TableHead>{t("acol.imUserId")}</TableHead>
                  <TableHead>{t("acol.state")}</TableHead>
                  <TableHead>{t("acol.lastError")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.imAccounts.map((a) => (
                  <TableRow key={a.connectionId}>
                    <TableCell>{a.connectionName}</TableCell>
                    <TableCell>
                      <code className="text-xs">{a.imUserId}</code>
                    </TableCell>
                    <TableCell>
                      <Badge>{a.state}</Badge>
                    </TableCell>
                    <TableCell className="max-w-56 break-words text-xs">
                      {a.lastError ?? t("none")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
