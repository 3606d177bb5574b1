import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CalendarClock, Settings } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangesPerHourChart } from "@/components/sync/changes-per-hour-chart";
import { IncrementalHoursTable } from "@/components/sync/incremental-hours-table";
import { SyncActivityFilter } from "@/components/sync/sync-activity-filter";
import { syncActivityHref } from "@/components/sync/sync-activity-href";
import { SyncRunsTable } from "@/components/sync/sync-runs-table";
import { SyncTargetsCard } from "@/components/sync/sync-targets-card";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { loadSyncActivity } from "@/lib/sync/queries/load-sync-activity";
import { listSyncTargets } from "@/lib/sync/queries/list-sync-targets";
import { syncRunListSchema } from "@/lib/sync/sync-run-schemas";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[]>> };

export default async function SyncRunsPage({ searchParams }: Props) {
  const user = await requireArea("sync");
  const mayStart = canEdit(user.roles, "sync");
  const parsed = syncRunListSchema.safeParse(await searchParams);
  // A hand-edited address shows every run and says which part it did not understand.
  const filter = parsed.success ? parsed.data : syncRunListSchema.parse({});
  const badField = parsed.success ? null : String(parsed.error.issues[0]?.path[0] ?? "?");
  const [t, ts, tl, format, activity, targets] = await Promise.all([
    getTranslations("sync"),
    getTranslations("syncSettings"),
    getTranslations("lifecycle"),
    getFormatter(),
    loadSyncActivity(filter),
    mayStart ? listSyncTargets() : null,
  ]);
  const drillConnection =
    filter.hour && filter.connection ? (activity.runs?.runs[0]?.connectionName ?? null) : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/sync/scheduled">
                <CalendarClock aria-hidden />
                {tl("link")}
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/sync/settings">
                <Settings aria-hidden />
                {ts("link")}
              </Link>
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-4">
        {badField ? (
          <p role="alert" className="rounded-md border border-destructive/40 p-3 text-sm">
            {t("badFilter", { field: badField })}
          </p>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <SyncTargetsCard
            targets={targets ? targets.imTargets.map(({ id, name }) => ({ id, name })) : null}
            hrName={targets?.hrConnection?.name ?? null}
          />
          <Card>
            <CardHeader>
              <CardTitle>{t("chartTitle")}</CardTitle>
              <CardDescription>
                {t(`kindFilters.${filter.kind}`)} · {t(`ranges.${filter.range}`)}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ChangesPerHourChart series={activity.chart} />
            </CardContent>
          </Card>
        </div>
        <SyncActivityFilter filter={filter} />
        {filter.hour ? (
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">
              {t("hourRunsTitle", {
                hour: format.dateTime(new Date(filter.hour), {
                  dateStyle: "short",
                  timeStyle: "short",
                }),
              })}
              {drillConnection ? ` · ${t("hourRunsOn", { connection: drillConnection })}` : null}
            </h2>
            <Link
              className="text-sm text-primary hover:underline"
              href={syncActivityHref({ kind: "INCREMENTAL", range: filter.range })}
            >
              {t("allHours")}
            </Link>
          </div>
        ) : null}
        {activity.runs ? (
          <SyncRunsTable
            initial={activity.runs}
            filter={{ kind: filter.kind, hour: filter.hour, connection: filter.connection }}
          />
        ) : null}
        {filter.kind === "all" && activity.hours ? (
          <p className="text-sm text-muted-foreground">{t("allRunsNote")}</p>
        ) : null}
        {activity.hours ? (
          <IncrementalHoursTable rows={activity.hours} range={filter.range} />
        ) : null}
      </div>
    </>
  );
}
