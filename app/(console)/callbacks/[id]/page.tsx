import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeliveryLog, deliveryLogHref } from "@/components/callbacks/delivery-log";
import { EndpointActions } from "@/components/callbacks/endpoint-actions";
import { EndpointNotice } from "@/components/callbacks/endpoint-notice";
import { EndpointStateBadge } from "@/components/callbacks/endpoint-state-badge";
import { ReplayFailedForm } from "@/components/callbacks/replay-failed-form";
import { SuccessRateChart } from "@/components/callbacks/success-rate-chart";
import { RunAutoRefresh } from "@/components/jobs/run-auto-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/core/auth/require-area";
import {
  ACTIVE_DELIVERY_STATUSES,
  SUCCESS_RATE_RANGES,
  deliveryFilterSchema,
} from "@/lib/callbacks/callback-console-schemas";
import { getEndpoint } from "@/lib/callbacks/queries/get-endpoint";
import { getSuccessRate } from "@/lib/callbacks/queries/get-success-rate";
import { listDeliveries } from "@/lib/callbacks/queries/list-deliveries";
import { cn } from "@/lib/core/cn";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EndpointPage({ params, searchParams }: Props) {
  await requireArea("callbacks");
  const { id } = await params;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = deliveryFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : deliveryFilterSchema.parse({});
  const endpoint = await getEndpoint(id);
  if (!endpoint) notFound();
  const [t, format, deliveries, series] = await Promise.all([
    getTranslations("callbacks"),
    getFormatter(),
    listDeliveries(id, filter),
    getSuccessRate({ endpointId: id, range: filter.range }),
  ]);
  const live = deliveries.rows.some((d) => ACTIVE_DELIVERY_STATUSES.includes(d.status));
  const state = t(`states.${endpoint.disabledKind ?? "enabled"}`);
  const settings: [string, ReactNode][] = [
    [
      t("detail.url"),
      <code key="url" className="break-all text-xs">
        {endpoint.url}
      </code>,
    ],
    [
      t("detail.events"),
      <span key="types" className="flex flex-wrap gap-1">
        {endpoint.eventTypes.map((type) => (
          <code key={type} className="rounded bg-muted px-1.5 py-0.5 text-xs">
            {type}
          </code>
        ))}
      </span>,
    ],
    [
      t("detail.retries"),
      t("detail.retriesValue", {
        count: endpoint.maxRetries,
        schedule: t(
          `detail.scheduleNames.${endpoint.retrySchedule === "long" ? "long" : "default"}`,
        ),
      }),
    ],
    [
      t("detail.rateLimit"),
      endpoint.rateLimitPerSecond
        ? t("detail.perSecond", { count: endpoint.rateLimitPerSecond })
        : t("detail.noLimit"),
    ],
    [
      t("detail.headers"),
      endpoint.headerNames.length ? (
        <code key="h" className="text-xs">
          {endpoint.headerNames.join(", ")}
        </code>
      ) : (
        t("detail.none")
      ),
    ],
    [t("detail.privateNetwork"), endpoint.allowPrivate ? t("detail.allowed") : t("detail.blocked")],
    [
      t("detail.created"),
      format.dateTime(endpoint.createdAt, { dateStyle: "medium", timeStyle: "short" }),
    ],
  ];
  return (
    <>
      <RunAutoRefresh active={live} />
      <PageHeader
        title={endpoint.name}
        description={endpoint.description ?? undefined}
        actions={
          <Button asChild variant="outline">
            <Link href="/callbacks">{t("backToList")}</Link>
          </Button>
        }
      />
      <div className="flex flex-col gap-4">
        <EndpointNotice endpoint={endpoint} />
        <Card>
          <CardHeader className="flex-row flex-wrap items-center gap-3">
            <CardTitle>{t("detail.settings")}</CardTitle>
            <EndpointStateBadge kind={endpoint.disabledKind} label={state} />
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <EndpointActions id={endpoint.id} name={endpoint.name} enabled={endpoint.enabled} />
            <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
              {settings.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card role="region" aria-labelledby="success-rate-title">
          <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle id="success-rate-title">{t("chart.title")}</CardTitle>
            <nav aria-label={t("chart.rangeLabel")} className="flex gap-1">
              {SUCCESS_RATE_RANGES.map((range) => (
                <Button
                  key={range}
                  asChild
                  size="sm"
                  variant={range === filter.range ? "default" : "outline"}
                  className={cn(range === filter.range && "pointer-events-none")}
                >
                  <Link
                    href={deliveryLogHref(id, { ...filter, range }, 1)}
                    aria-current={range === filter.range ? "page" : undefined}
                  >
                    {t(range === "24h" ? "chart.range24h" : "chart.range7d")}
                  </Link>
                </Button>
              ))}
            </nav>
          </CardHeader>
          <CardContent>
            <SuccessRateChart series={series} />
          </CardContent>
        </Card>
        <Card role="region" aria-labelledby="replay-title">
          <CardHeader>
            <CardTitle id="replay-title">{t("replay.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ReplayFailedForm endpointId={endpoint.id} name={endpoint.name} />
          </CardContent>
        </Card>
        <DeliveryLog endpointId={endpoint.id} page={deliveries} filter={filter} live={live} />
      </div>
    </>
  );
}
