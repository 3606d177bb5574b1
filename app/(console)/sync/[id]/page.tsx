import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RunAutoRefresh } from "@/components/jobs/run-auto-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { HeldRunPanel } from "@/components/sync/held-run-panel";
import { SyncChangeLog } from "@/components/sync/sync-change-log";
import { SyncConflictList } from "@/components/sync/sync-conflict-list";
import { SyncProgress } from "@/components/sync/sync-progress";
import { SyncStatusBadge } from "@/components/sync/sync-status-badge";
import { SyncTrigger } from "@/components/sync/sync-trigger";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { canEdit } from "@/lib/core/auth/permissions";
import { requireArea } from "@/lib/core/auth/require-area";
import { getSyncRun } from "@/lib/sync/queries/get-sync-run";
import { listSyncChanges } from "@/lib/sync/queries/list-sync-changes";
import { ACTIVE_SYNC_STATUSES, syncChangeFilterSchema } from "@/lib/sync/sync-run-schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> };

export default async function SyncRunPage({ params, searchParams }: Props) {
  const user = await requireArea("sync");
  const { id } = await params;
  const filter = syncChangeFilterSchema
    .catch({ page: 1, status: undefined, op: undefined })
    .parse(await searchParams);
  const run = await getSyncRun(id);
  if (!run) notFound();
  const [t, format, changes] = await Promise.all([
    getTranslations("sync"),
    getFormatter(),
    listSyncChanges(run.id, filter),
  ]);
  const kind = t(`kinds.${run.kind}`);
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—";
  const counts = [
    ["planned", run.planned],
    ["applied", run.applied],
    ["failed", run.failed],
    ["skipped", run.skipped],
    ["conflicts", run.conflicts],
  ] as const;
  return (
    <>
      <RunAutoRefresh active={ACTIVE_SYNC_STATUSES.includes(run.status)} />
      <PageHeader
        title={t("runTitle", { kind, connection: run.connection.name })}
        description={t("runOf", { id: run.id })}
        actions={
          <Button asChild variant="outline">
            <Link href="/sync">{t("backToList")}</Link>
          </Button>
        }
      />
      <div className="flex flex-col gap-4">
        <Card role="region" aria-label={t("summaryTitle")}>
          <CardHeader>
            <CardTitle className="flex items-center gap-3">
              {t("summaryTitle")}{" "}
              <SyncStatusBadge status={run.status} label={t(`statuses.${run.status}`)} />
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
              {counts.map(([key, n]) => (
                <div key={key} className="rounded-md border p-3">
                  <dt className="text-xs text-muted-foreground">{t(key)}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{n}</dd>
                </div>
              ))}
            </dl>
            {run.status === "RUNNING" ? (
              <SyncProgress
                run={run}
                label={t("progressLabel", { kind })}
                text={t("progressText", {
                  done: run.applied + run.failed + run.skipped,
                  planned: run.planned,
                })}
              />
            ) : null}
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t("trigger")}</dt>
              <dd>
                <SyncTrigger trigger={run.trigger} requestedBy={run.requestedBy} />
              </dd>
              <dt className="text-muted-foreground">{t("started")}</dt>
              <dd>{when(run.startedAt)}</dd>
              <dt className="text-muted-foreground">{t("finished")}</dt>
              <dd>{when(run.finishedAt)}</dd>
              {run.approvedBy ? (
                <>
                  <dt className="text-muted-foreground">{t("approvedBy")}</dt>
                  <dd>
                    {run.approvedBy} · {when(run.approvedAt)}
                  </dd>
                </>
              ) : null}
              {run.error ? (
                <>
                  <dt className="text-muted-foreground">{t("error")}</dt>
                  <dd className="text-destructive">{run.error}</dd>
                </>
              ) : null}
            </dl>
            {run.summary ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">{t("planSummary")}</summary>
                <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
                  {JSON.stringify(run.summary, null, 2)}
                </pre>
              </details>
            ) : null}
          </CardContent>
        </Card>
        {run.held ? (
          <HeldRunPanel
            runId={run.id}
            held={run.held}
            approvedBy={run.approvedBy}
            mayDecide={canEdit(user.roles, "sync")}
          />
        ) : null}
        <SyncChangeLog runId={run.id} page={changes} filter={filter} />
        <SyncConflictList conflicts={run.conflictList} total={run.conflictTotal} />
      </div>
    </>
  );
}
