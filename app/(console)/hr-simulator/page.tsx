import { Building2, Info, Unplug } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { RecentHrChangesTable } from "@/components/sandbox/recent-hr-changes-table";
import { SimulatorTabs } from "@/components/sandbox/simulator-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireArea } from "@/lib/core/auth/require-area";
import { findSandboxConnection } from "@/lib/sandbox/console/find-sandbox-connection";
import { getSandboxDb } from "@/lib/sandbox/console/get-sandbox-db";
import { listHrDepartments } from "@/lib/sandbox/console/list-hr-departments";
import { listRecentHrChanges } from "@/lib/sandbox/console/list-recent-hr-changes";

export const dynamic = "force-dynamic";

export default async function HrSimulatorPage() {
  await requireArea("hrSimulator", "edit");
  const t = await getTranslations("hrSimulator");
  const connection = await findSandboxConnection("sandbox-hr");
  if (!connection) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState icon={<Unplug />} title={t("notConfigured")}>
          {t("notConfiguredHint")}
        </EmptyState>
      </>
    );
  }
  const sandboxDb = getSandboxDb();
  const [departments, recent] = await Promise.all([
    listHrDepartments(sandboxDb),
    listRecentHrChanges(sandboxDb, { limit: 25 }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <p
          role="note"
          className="flex items-start gap-2 rounded-md border border-primary/30 bg-primary/5 p-3 text-sm"
        >
          <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
          {t("syncNote")}
        </p>
        <Card>
          <CardContent className="pt-5">
            {departments.length === 0 ? (
              <EmptyState icon={<Building2 />} title={t("noDepartments")}>
                {t("noDepartmentsHint")}
              </EmptyState>
            ) : (
              <SimulatorTabs departments={departments} />
            )}
          </CardContent>
        </Card>
        <RecentHrChangesTable rows={recent} />
      </div>
    </>
  );
}
