"use client";
import { useQuery } from "@tanstack/react-query";
import { Activity, Loader2, Send } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { sendTestEventAction } from "@/app/actions/jobs";
import { Button } from "@/components/ui/button";
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
import { RUN_STATUSES, type RunRow } from "@/lib/jobs/rules/run-statuses";
import { RunStatusBadge } from "./run-status-badge";

type Data = { runs: RunRow[]; functions: { id: string; name: string }[] };
const ACTIVE = new Set(["QUEUED", "RUNNING", "SLEEPING", "WAITING"]);

/** The runs list, polled every 2 s while anything is active and every 15 s otherwise. */
export function JobRunsTable({ initial }: { initial: Data }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const [fn, setFn] = useState("");
  const [status, setStatus] = useState("");
  const [sending, start] = useTransition();
  const { data, isFetching } = useQuery({
    queryKey: ["jobs", fn, status],
    queryFn: async (): Promise<Data> => {
      const params = new URLSearchParams(
        Object.entries({ function: fn, status }).filter(([, v]) => v),
      );
      const res = await fetch(`/api/console/jobs?${params}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      return res.json();
    },
    initialData: fn === "" && status === "" ? initial : undefined,
    refetchInterval: (q) => (q.state.data?.runs.some((r) => ACTIVE.has(r.status)) ? 2_000 : 15_000),
  });
  const runs = data?.runs ?? [];
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="job-fn" className="text-xs font-medium text-muted-foreground">
            {t("function")}
          </label>
          <select
            id="job-fn"
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={fn}
            onChange={(e) => setFn(e.target.value)}
          >
            <option value="">{t("all")}</option>
            {(data?.functions ?? initial.functions).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="job-status" className="text-xs font-medium text-muted-foreground">
            {t("status")}
          </label>
          <select
            id="job-status"
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t("all")}</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <span className="flex h-9 items-center text-xs text-muted-foreground" aria-live="polite">
          {isFetching ? <Loader2 className="mr-1 size-3 animate-spin" aria-hidden /> : null}
          {t("live")}
        </span>
        <Button
          className="ml-auto"
          disabled={sending}
          onClick={() =>
            start(async () => {
              const r = await sendTestEventAction({});
              if (r.ok) toast.success(t("testSent"));
              else toast.error(r.error.message);
            })
          }
        >
          <Send aria-hidden />
          {t("sendTest")}
        </Button>
      </div>
      <Card>
        <CardContent className="p-0">
          {runs.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<Activity />} title={t("empty")}>
                {t("emptyHint")}
              </EmptyState>
            </div>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("function")}</TableHead>
                  <TableHead>{t("trigger")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead className="text-right">{t("attempts")}</TableHead>
                  <TableHead className="text-right">{t("steps")}</TableHead>
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
                        href={`/jobs/${r.id}`}
                      >
                        {r.functionName}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <code className="text-xs">{r.eventName}</code>
                    </TableCell>
                    <TableCell>
                      <RunStatusBadge status={r.status} label={t(`statuses.${r.status}`)} />
                      {r.waitReason ? (
                        <span className="ml-2 text-xs text-muted-foreground">
                          {t.has(`waitReasons.${r.waitReason}`)
                            ? t(`waitReasons.${r.waitReason}`)
                            : r.waitReason}
                          {r.waitUntil
                            ? ` · ${t("waitUntil", { when: format.dateTime(new Date(r.waitUntil), { timeStyle: "medium" }) })}`
                            : null}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.attempt + 1}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.steps}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {format.dateTime(new Date(r.startedAt), {
                        dateStyle: "short",
                        timeStyle: "medium",
                      })}
                    </TableCell>
                    <TableCell className="text-right tabular-nums text-xs">
                      {r.durationMs === null ? "…" : `${(r.durationMs / 1000).toFixed(2)} s`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
