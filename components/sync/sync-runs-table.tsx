"use client";
import { useQuery } from "@tanstack/react-query";
import { Loader2, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
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
import { ACTIVE_SYNC_STATUSES, type SyncRunRow } from "@/lib/sync/sync-run-schemas";
import { SyncProgress } from "./sync-progress";
import { SyncRequestButtons } from "./sync-request-buttons";
import { SyncRunsChart } from "./sync-runs-chart";
import { SyncStatusBadge } from "./sync-status-badge";
import { SyncTrigger } from "./sync-trigger";

type Data = { runs: SyncRunRow[] };
type Props = {
  initial: Data;
  /** Enabled IM targets with their buttons; null when the user may not start syncs. */
  targets: { id: string; name: string }[] | null;
  /** The HR source a sync pulls from. */
  hrName: string | null;
};

const isActive = (r: SyncRunRow) => ACTIVE_SYNC_STATUSES.includes(r.status);

/** The sync-runs list, polled every 2 s while a run is active and every 15 s otherwise. */
export function SyncRunsTable({ initial, targets, hrName }: Props) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const { data, isFetching, refetch } = useQuery({
    queryKey: ["sync-runs"],
    queryFn: async (): Promise<Data> => {
      const res = await fetch("/api/console/sync-runs");
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.runs.some(isActive) ? 2_000 : 15_000),
  });
  const runs = data.runs;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("targetsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {targets === null ? (
              <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
            ) : hrName === null ? (
              <p className="text-sm text-muted-foreground">{t("noHrSource")}</p>
            ) : targets.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noTargets")}</p>
            ) : (
              <>
                <p className="text-sm text-muted-foreground">{t("targetsHint", { hr: hrName })}</p>
                {targets.map((target) => (
                  <SyncRequestButtons
                    key={target.id}
                    target={target}
                    onRequested={() => void refetch()}
                  />
                ))}
              </>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("chartTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <SyncRunsChart runs={runs} />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardContent className="p-0">
          <div
            className="flex items-center justify-end px-4 pt-3 text-xs text-muted-foreground"
            aria-live="polite"
          >
            {isFetching ? <Loader2 className="mr-1 size-3 animate-spin" aria-hidden /> : null}
            {t("live")}
          </div>
          {runs.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<RefreshCw />} title={t("empty")}>
                {t("emptyHint")}
              </EmptyState>
            </div>
          ) : (
            <Table aria-label={t("runsLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("kind")}</TableHead>
                  <TableHead>{t("connection")}</TableHead>
                  <TableHead>{t("trigger")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead className="text-right">{t("planned")}</TableHead>
                  <TableHead className="text-right">{t("applied")}</TableHead>
                  <TableHead className="text-right">{t("failed")}</TableHead>
                  <TableHead className="text-right">{t("skipped")}</TableHead>
                  <TableHead className="text-right">{t("conflicts")}</TableHead>
                  <TableHead>{t("started")}</TableHead>
                  <TableHead className="text-right">{t("duration")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {runs.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <Link
                        className="font-medium text-primary hover:underline"
                        href={`/sync/${r.id}`}
                      >
                        {t(`kinds.${r.kind}`)}
                      </Link>
                    </TableCell>
                    <TableCell>{r.connectionName}</TableCell>
                    <TableCell className="text-xs">
                      <SyncTrigger trigger={r.trigger} requestedBy={r.requestedBy} />
                    </TableCell>
                    <TableCell>
                      <div className="flex flex-col gap-1">
                        <SyncStatusBadge status={r.status} label={t(`statuses.${r.status}`)} />
                        {r.status === "RUNNING" ? (
                          <SyncProgress
                            run={r}
                            label={t("progressLabel", { kind: t(`kinds.${r.kind}`) })}
                            text={t("progressText", {
                              done: r.applied + r.failed + r.skipped,
                              planned: r.planned,
                            })}
                          />
                        ) : null}
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.planned}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.applied}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.failed}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.skipped}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.conflicts}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {format.dateTime(new Date(r.startedAt), {
                        dateStyle: "short",
                        timeStyle: "medium",
                      })}
                    </TableCell>
                    <TableCell className="text-right tabular-nums text-xs">
                      {r.durationMs === null ? "…" : `${(r.durationMs / 1000).toFixed(1)} s`}
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
