import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RerunButton } from "@/components/jobs/rerun-button";
import { RunAutoRefresh } from "@/components/jobs/run-auto-refresh";
import { RunStatusBadge } from "@/components/jobs/run-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";
import { getRun } from "@/lib/jobs/queries/get-run";

export const dynamic = "force-dynamic";

const json = (v: unknown) => JSON.stringify(v, null, 2);

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("jobs");
  const { id } = await params;
  const run = await getRun(id);
  if (!run) notFound();
  const t = await getTranslations("jobs");
  const format = await getFormatter();
  const active = ["QUEUED", "RUNNING", "SLEEPING", "WAITING"].includes(run.status);
  return (
    <>
      <RunAutoRefresh active={active} />
      <PageHeader
        title={run.functionName}
        description={t("runOf", { id: run.id })}
        actions={
          run.status === "FAILED" || run.status === "COMPLETED" ? (
            <RerunButton runId={run.id} />
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("stepsTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-3" aria-label={t("stepsTitle")}>
              {run.steps.map((s) => {
                const error = s.error as { name?: string; message?: string; stack?: string } | null;
                return (
                  <li key={s.id} className="rounded-md border p-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{s.name}</span>
                      <Badge variant="outline">{s.op}</Badge>
                      <Badge
                        variant={
                          s.status === "completed"
                            ? "success"
                            : s.status === "failed"
                              ? "destructive"
                              : "default"
                        }
                      >
                        {s.status}
                      </Badge>
                      {s.attempt > 0 ? (
                        <span className="text-xs text-muted-foreground">
                          {t("attemptN", { n: s.attempt + 1 })}
                        </span>
                      ) : null}
                      <span className="ml-auto text-xs text-muted-foreground">
                        {s.endedAt
                          ? `${s.endedAt.getTime() - s.startedAt.getTime()} ms`
                          : s.wakeAt
                            ? t("until", {
                                when: format.dateTime(s.wakeAt, { timeStyle: "medium" }),
                              })
                            : "…"}
                      </span>
                    </div>
                    {error ? (
                      <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-destructive/10 p-2 text-xs text-destructive">{`${error.name ?? "Error"}: ${error.message ?? ""}\n${(error.stack ?? "").split("\n").slice(1, 5).join("\n")}`}</pre>
                    ) : s.data !== null ? (
                      <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
                        {json(s.data)}
                      </pre>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </CardContent>
        </Card>
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("summary")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("status")}</dt>
                <dd>
                  <RunStatusBadge status={run.status} label={t(`statuses.${run.status}`)} />
                </dd>
                <dt className="text-muted-foreground">{t("trigger")}</dt>
                <dd>
                  <code className="text-xs">{run.eventName}</code>
                </dd>
                <dt className="text-muted-foreground">{t("attempts")}</dt>
                <dd>
                  {run.attempt + 1} / {run.maxAttempts}
                </dd>
                <dt className="text-muted-foreground">{t("started")}</dt>
                <dd>
                  {format.dateTime(run.startedAt, { dateStyle: "short", timeStyle: "medium" })}
                </dd>
                <dt className="text-muted-foreground">{t("ended")}</dt>
                <dd>
                  {run.endedAt
                    ? format.dateTime(run.endedAt, { dateStyle: "short", timeStyle: "medium" })
                    : "—"}
                </dd>
              </dl>
              {run.output !== null ? (
                <pre
                  className="mt-3 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs"
                  aria-label={t("output")}
                >
                  {json(run.output)}
                </pre>
              ) : null}
              {run.error !== null ? (
                <pre className="mt-3 whitespace-pre-wrap break-all rounded bg-destructive/10 p-2 text-xs text-destructive">
                  {json(run.error)}
                </pre>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("event")}</CardTitle>
            </CardHeader>
            <CardContent>
              <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all text-xs">
                {json(run.events)}
              </pre>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
