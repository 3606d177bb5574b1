import { SearchX, UserSearch } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmployeeSearchBox } from "@/components/employees/employee-search-box";
import { PageHeader } from "@/components/shell/page-header";
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
import { requireArea } from "@/lib/core/auth/require-area";
import { employeeSearchSchema } from "@/lib/org/employee-search-schema";
import { searchEmployees } from "@/lib/org/queries/search-employees";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EmployeesPage({ searchParams }: Props) {
  await requireArea("employees");
  const raw = (await searchParams).q;
  const parsed = employeeSearchSchema.safeParse({ q: Array.isArray(raw) ? raw[0] : raw });
  const q = parsed.success ? parsed.data.q : "";
  const [t, rows] = await Promise.all([getTranslations("employees"), searchEmployees(q)]);
  // An exact employee number goes straight to the person.
  const exact = rows.find((r) => r.employeeNo.toLowerCase() === q.toLowerCase());
  if (exact) redirect(`/employees/${encodeURIComponent(exact.employeeNo)}`);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4">
        <EmployeeSearchBox defaultValue={q} id="employee-search-page" landmark={t("title")} />
      </div>
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-destructive">
          {t("invalidQuery")}
        </p>
      ) : null}
      {!q ? (
        <EmptyState icon={<UserSearch aria-hidden />} title={t("startTitle")}>
          {t("startHint")}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState icon={<SearchX aria-hidden />} title={t("noResults", { q })}>
          {t("noResultsHint")}
        </EmptyState>
      ) : (
        <Table aria-label={t("resultsLabel")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("col.employeeNo")}</TableHead>
              <TableHead>{t("col.name")}</TableHead>
              <TableHead>{t("col.unit")}</TableHead>
              <TableHead>{t("col.email")}</TableHead>
              <TableHead>{t("col.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.employeeNo}>
                <TableCell>
                  <Link
                    href={`/employees/${encodeURIComponent(r.employeeNo)}`}
                    className="font-medium underline underline-offset-2"
                  >
                    {r.employeeNo}
                  </Link>
                </TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.orgUnitName ?? t("none")}</TableCell>
                <TableCell>{r.email ?? t("none")}</TableCell>
                <TableCell>
                  <Badge>{t(`status.${r.status}`)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
