"use client";
import { FlaskConical, Loader2, Send } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { applyProvisionAction, dryRunProvisionAction } from "@/app/actions/provision";
import { Button } from "@/components/ui/button";
import type { ProvisionResult } from "@/lib/sync/provision-schemas";
import { TraceLine } from "./trace-line";

/** Dry run / Apply for one employee, and the trace and IM calls of the last answer, per IM target. */
export function ProvisionPanel({
  employeeNo,
  targets,
  canApply,
}: {
  employeeNo: string;
  targets: { id: string; name: string }[];
  canApply: boolean;
}) {
  const t = useTranslations("employees.provision");
  const [connectionId, setConnectionId] = useState("");
  const [result, setResult] = useState<ProvisionResult | null>(null);
  const [pending, start] = useTransition();
  const input = { employeeNo, ...(connectionId ? { connectionId } : {}) };

  const dryRun = () =>
    start(async () => {
      const r = await dryRunProvisionAction(input);
      if (!r.ok) return void toast.error(t("failed", { message: r.error.message }));
      setResult(r.data);
      toast.success(t("dryRunDone", { count: r.data.calls.length }));
    });
  const apply = () =>
    start(async () => {
      const r = await applyProvisionAction(input);
      if (!r.ok) return void toast.error(t("failed", { message: r.error.message }));
      setResult(r.data);
      const applied = r.data.runs.reduce((n, x) => n + x.applied, 0);
      const failed = r.data.runs.reduce((n, x) => n + x.failed, 0);
      if (r.data.runs.length === 0) toast.info(t("nothingToApply"));
      else if (failed > 0) toast.error(t("applied", { applied, failed }));
      else toast.success(t("applied", { applied, failed }));
    });

  if (targets.length === 0)
    return <p className="text-sm text-muted-foreground">{t("noTargets")}</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="provision-target" className="text-xs font-medium text-muted-foreground">
            {t("target")}
          </label>
          <select
            id="provision-target"
            className="h-9 rounded-md border bg-card px-2 text-sm"
            value={connectionId}
            onChange={(e) => {
              setConnectionId(e.target.value);
              setResult(null);
            }}
          >
            <option value="">{t("allTargets")}</option>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <Button variant="outline" disabled={pending} onClick={dryRun}>
          <FlaskConical aria-hidden />
          {t("dryRun")}
        </Button>
        <Button
          disabled={pending || !canApply || !result || !result.dryRun}
          onClick={apply}
          aria-describedby="provision-apply-hint"
        >
          <Send aria-hidden />
          {t("apply")}
        </Button>
        <span id="provision-apply-hint" className="text-xs text-muted-foreground">
          {canApply ? t("applyAfterDryRun") : t("applyOnlyIt")}
        </span>
      </div>
      <div aria-live="polite" aria-busy={pending}>
        {pending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            {t("running")}
          </p>
        ) : null}
        {result && !pending ? <ProvisionResultView result={result} /> : null}
      </div>
    </div>
  );
}

function ProvisionResultView({ result }: { result: ProvisionResult }) {
  const t = useTranslations("employees.provision");
  return (
    <div className="flex flex-col gap-6">
      {result.targets.map((target) => {
        const trace = result.trace.filter((e) => e.connectionId === target.connectionId);
        const calls = result.calls.filter((c) => c.connectionId === target.connectionId);
        const run = result.runs.find((r) => r.connectionId === target.connectionId);
        return (
          <section
            key={target.connectionId}
            aria-label={target.name}
            className="flex flex-col gap-3"
          >
            <h3 className="font-medium">
              {target.name} <span className="text-xs text-muted-foreground">{target.platform}</span>
            </h3>
            <div>
              <h4 className="mb-1 text-sm font-medium">{t("trace")}</h4>
              <ol
                aria-label={t("traceLabel", { target: target.name })}
                className="flex flex-col gap-1"
              >
                {trace.map((e, i) => (
                  <TraceLine key={i} entry={e} />
                ))}
              </ol>
            </div>
            <div>
              <h4 className="mb-1 text-sm font-medium">{t("calls")}</h4>
              {calls.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noCalls")}</p>
              ) : (
                <ol
                  aria-label={t("callsLabel", { target: target.name })}
                  className="flex flex-col gap-2"
                >
                  {calls.map((c, i) => (
                    <li key={i} className="rounded-md border p-2">
                      <code className="text-sm font-medium">{c.method}</code>{" "}
                      <span className="text-xs text-muted-foreground">{c.op}</span>
                      <pre className="mt-1 overflow-x-auto text-xs">
                        {JSON.stringify(c.payload, null, 2)}
                      </pre>
                    </li>
                  ))}
                </ol>
              )}
            </div>
            {run ? (
              <Link href={`/sync/${run.runId}`} className="text-sm underline underline-offset-2">
                {t("runLink")}
              </Link>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
