import { AlertTriangle, Building2, MessagesSquare, RefreshCw, Users } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DivisionChart } from "@/components/dashboard/division-chart";
import { StoragePanel } from "@/components/dashboard/storage-panel";
import { StoragePanelLoading } from "@/components/dashboard/storage-panel-loading";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/core/auth/current-user";
import { canEdit, canView } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { getDirectoryStats } from "@/lib/org/queries/get-directory-stats";
import { getStorageStats } from "@/lib/retention/queries/get-storage-stats";
import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await getCurrentUser();
  // Employees have no dashboard: their home is their own page.
  if (user && !canView(user.roles, "dashboard")) redirect("/me");
  await requireArea("dashboard");
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const stats = await getDirectoryStats();
  const tiles = [
    { key: "orgUnits", value: stats.orgUnits, icon: Building2 },
    { key: "employees", value: stats.employees, icon: Users },
    { key: "imAccounts", value: stats.imAccounts, icon: MessagesSquare },
    { key: "openConflicts", value: stats.openConflicts, icon: AlertTriangle },
  ] as const;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map(({ key, value, icon: Icon }) => (
          <Card key={key}>
            <CardHeader className="flex-row items-center justify-between">
              <CardDescription>{t(key)}</CardDescription>
              <Icon className="size-4 text-muted-foreground" aria-hidden />
            </CardHeader>
            <CardContent>
              <p className="text-3xl font-semibold tabular-nums" data-testid={`stat-${key}`}>
                {format.number(value)}
              </p>
            </CardContent>
          </Card>
        ))}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("headcountByDivision")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DivisionChart rows={stats.byDivision} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("statusTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            {(["ACTIVE", "ONBOARDING", "ON_LEAVE", "TERMINATED"] as const).map((s) => (
              <div key={s} className="flex justify-between">
                <span className="text-muted-foreground">{t(`status.${s}`)}</span>
                <span className="tabular-nums">{format.number(stats.byStatus[s] ?? 0)}</span>
              </div>
            ))}
            <div className="mt-2 flex items-center gap-2 border-t pt-3">
              <RefreshCw className="size-4 text-muted-foreground" aria-hidden />
              {stats.lastSync
                ? t("lastSync", {
                    status: stats.lastSync.status,
                    when: format.relativeTime(stats.lastSync.startedAt),
                  })
                : t("neverSynced")}
            </div>
          </CardContent>
        </Card>
      </div>
      {user && canEdit(user.roles, "jobs") ? (
        <Suspense fallback={<StoragePanelLoading />}>
          <StorageSection />
        </Suspense>
      ) : null}
    </>
  );
}

// Streams in after the rest of the dashboard: sizing every table takes a moment on a big database.
async function StorageSection() {
  const stats = await getStorageStats();
  return <StoragePanel tables={stats.tables} kinds={stats.kinds} />;
}
