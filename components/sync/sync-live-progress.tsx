"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { SyncProgressEstimate } from "@/lib/sync/rules/estimate-sync-progress";
import type { SyncRunRow } from "@/lib/sync/sync-run-schemas";
import { SyncProgress } from "./sync-progress";

/** A running sync's bar with applied/planned, its pace in changes per second, and the time left. */
export function SyncLiveProgress({
  run,
  estimate,
}: {
  run: SyncRunRow;
  /** From the polls so far; absent until the list has been polled. */
  estimate?: SyncProgressEstimate;
}) {
  const t = useTranslations("sync");
  const format = useFormatter();
  const done = run.applied + run.failed + run.skipped;
  const parts = [
    t("progressText", { done: format.number(done), planned: format.number(run.planned) }),
  ];
  if (estimate?.perSecond != null)
    parts.push(
      t("rate", { rate: format.number(estimate.perSecond, { maximumFractionDigits: 1 }) }),
    );
  parts.push(eta(estimate, t));
  return (
    <SyncProgress
      run={run}
      label={t("progressLabel", { kind: t(`kinds.${run.kind}`) })}
      text={parts.join(" · ")}
    />
  );
}

function eta(
  estimate: SyncProgressEstimate | undefined,
  t: ReturnType<typeof useTranslations<"sync">>,
): string {
  if (!estimate || estimate.perSecond === null)
    return estimate?.etaSeconds === 0 ? t("etaFinishing") : t("etaMeasuring");
  const left = estimate.etaSeconds;
  if (left === null) return t("etaStalled");
  if (left === 0) return t("etaFinishing");
  if (left < 60) return t("etaSeconds", { s: left });
  if (left < 3600) return t("etaMinutes", { m: Math.floor(left / 60), s: left % 60 });
  return t("etaHours", { h: Math.floor(left / 3600), m: Math.floor((left % 3600) / 60) });
}
