import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmployeeActivity } from "@/components/employees/employee-activity";
import { EmployeeRecord } from "@/components/employees/employee-record";
import { ProvisionPanel } from "@/components/employees/provision-panel";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { AppError } from "@/lib/core/errors";
import { loadEmployeeDetail } from "@/lib/org/queries/load-employee-detail";
import { listSyncTargets } from "@/lib/sync/queries/list-sync-targets";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ employeeNo: string }> };

export default async function EmployeePage({ params }: Props) {
  const user = await requireArea("employees");
  const { employeeNo } = await params;
  const no = decodeURIComponent(employeeNo);
  if (no.length > 64) notFound();
  const detail = await loadEmployeeDetail(no).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  });
  const [t, targets] = await Promise.all([getTranslations("employees"), listSyncTargets()]);
  return (
    <>
      <PageHeader title={`${detail.name} · ${detail.employeeNo}`} description={t("description")} />
      <div className="flex flex-col gap-6">
        <EmployeeRecord detail={detail} />
        <EmployeeActivity detail={detail} />
        <Card>
          <CardHeader>
            <CardTitle>{t("provision.title")}</CardTitle>
            <CardDescription>{t("provision.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ProvisionPanel
              employeeNo={detail.employeeNo}
              targets={targets.imTargets.map(({ id, name }) => ({ id, name }))}
              canApply={canEdit(user.roles, "employees")}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
