"use client";
import { useQuery } from "@tanstack/react-query";
import { Loader2, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRef } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { appendProgressSample } from "@/lib/sync/rules/append-progress-sample";
import {
  estimateSyncProgress,
  type ProgressSample,
  type SyncProgressEstimate,
} from "@/lib/sync/rules/estimate-sync-progress";
import {
  ACTIVE_SYNC_STATUSES,
  type SyncRunListInput,
  type SyncRunRow,
} from "@/lib/sync/sync-run-schemas";
import { SyncLiveProgress } from "./sync-live-progress";
import { SyncStatusBadge } from "./sync-status-badge";
import { SyncTrigger } from "./sync-trigger";

type Data = { runs: SyncRunRow[]; progress?: Record<string, SyncProgressEstimate> };
type Props = {
  initial: Data;
  /** The page's filter; the list polls with it. */
  filter: Pick<SyncRunListInput, "kind" | "hour" | "connection">;
};

const isActive = (r: SyncRunRow) => ACTIVE_SYNC_STATUSES.includes(r.status);
// The pace is measured over the last half minute of polls.
const RATE_WINDOW_MS = 30_000;

/** The sync-runs list, polled every 2 s while a run is active and every 15 s otherwise. */
export function SyncRunsTable({ initial, filter }: Props) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const samples = useRef(new Map<string, ProgressSample[]>());
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const query = params.toString();
  const { data, isFetching } = useQuery({
    queryKey: ["sync-runs", query],
    queryFn: async (): Promise<Data> => {
      const res = await fetch(`/api/console/sync-runs?${query}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      const body = (await res.json()) as Data;
      const at = Date.now();
      const progress: Record<string, SyncProgressEstimate> = {};
      for (const r of body.runs.filter((r) => r.status === "RUNNING")) {
        const done = r.applied + r.failed + r.skipped;
        const kept = appendProgressSample(
          samples.current.get(r.id) ?? [],
          { at, done },
          RATE_WINDOW_MS,
        );
        samples.current.set(r.id, kept);
        progress[r.id] = estimateSyncProgress(r.planned, kept);
      }
      return { ...body, progress };
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.runs.some(isActive) ? 2_000 : 15_000),
  });
  const runs = data.runs;
  const filtered = filter.kind !== "all" || !!filter.hour;
  return (
    <div className="flex flex-col gap-4">
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
              <EmptyState icon={<RefreshCw />} title={filtered ? t("filteredEmpty") : t("empty")}>
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
                          <SyncLiveProgress run={r} estimate={data.progress?.[r.id]} />
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
