"use client";
import { useQuery } from "@tanstack/react-query";
import { Loader2, Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Pagination } from "@/components/data/pagination";
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
import type { NotificationDetail } from "@/lib/notifications/queries/get-notification";
import type { DeliveryPage } from "@/lib/notifications/queries/list-deliveries";
import {
  ACTIVE_NOTIFICATION_STATUSES,
  type DeliveryFilter,
  type DeliveryStatus,
} from "@/lib/notifications/console-schemas";
import { cn } from "@/lib/core/cn";
import { OutcomeBar, OUTCOMES } from "./outcome-bar";
import { ReasonText } from "./reason-text";
import { DeliveryStatusBadge, NotificationStatusBadge } from "./status-badges";

type Data = { notification: NotificationDetail; deliveries: DeliveryPage };
type Props = { initial: Data; filter: DeliveryFilter };
type Audience = {
  recipients?: {
    everyone?: boolean;
    employeeNos?: string[];
    orgUnits?: { code: string; includeDescendants?: boolean }[];
  };
  unknownEmployeeNos?: string[];
  unknownOrgUnits?: string[];
  inactiveEmployeeNos?: string[];
};

const href = (id: string, status?: DeliveryStatus) =>
  status ? `/notifications/log/${id}?status=${status}` : `/notifications/log/${id}`;

/** One notification: summary, counts by outcome (each a filter), and the per-recipient drill-down, polled while dispatching. */
export function NotificationDetailView({ initial, filter }: Props) {
  const t = useTranslations("notifications.log");
  const tOut = useTranslations("notifications.outcomes");
  const format = useFormatter();
  const en = useLocale() === "en";
  const id = initial.notification.id;
  const query = new URLSearchParams(
    Object.entries({ status: filter.status, page: String(filter.page) }).filter(([, v]) => v) as [
      string,
      string,
    ][],
  );
  const { data, isFetching } = useQuery({
    queryKey: ["notification", id, query.toString()],
    queryFn: async (): Promise<Data> => {
      const res = await fetch(`/api/console/notifications/${id}?${query}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data && ACTIVE_NOTIFICATION_STATUSES.includes(q.state.data.notification.status)
        ? 2_000
        : 15_000,
  });
  const { notification: n, deliveries } = data;
  const audience = (n.audience ?? {}) as Audience;
  const r = audience.recipients ?? {};
  const when = (iso: string | null, timeZone?: string) =>
    iso
      ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone })
      : "—";
  const total = OUTCOMES.reduce((s, o) => s + n.counts[o.status], 0);
  return (
    <div className="flex flex-col gap-4">
      <Card role="region" aria-label={t("summaryTitle")}>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle className="flex items-center gap-3">
            {t("summaryTitle")}{" "}
            <span data-testid="notification-status">
              <NotificationStatusBadge status={n.status} />
            </span>
          </CardTitle>
          <span className="flex items-center text-xs text-muted-foreground" aria-live="polite">
            {isFetching ? <Loader2 className="mr-1 size-3 animate-spin" aria-hidden /> : null}
            {ACTIVE_NOTIFICATION_STATUSES.includes(n.status) ? t("dispatching") : t("live")}
          </span>
        </CardHeader>
        <CardContent className="grid gap-4 lg:grid-cols-2">
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted-foreground">{t("category")}</dt>
            <dd>
              <Link
                href={`/notifications/categories/${encodeURIComponent(n.category.key)}`}
                className="text-primary hover:underline"
              >
                {en ? n.category.nameEn : n.category.nameZh}
              </Link>{" "}
              <span className="text-xs text-muted-foreground">v{n.categoryVersion}</span>
            </dd>
            <dt className="text-muted-foreground">{t("requestedBy")}</dt>
            <dd>{n.requestedByName}</dd>
            <dt className="text-muted-foreground">{t("created")}</dt>
            <dd>{when(n.createdAt)}</dd>
            <dt className="text-muted-foreground">{t("completed")}</dt>
            <dd>{when(n.completedAt)}</dd>
            <dt className="text-muted-foreground">{t("audience")}</dt>
            <dd className="flex flex-col gap-0.5">
              {r.everyone ? <span>{t("everyone")}</span> : null}
              {r.employeeNos?.length ? (
                <span>
                  {t("employeeNos", { count: r.employeeNos.length })}:{" "}
                  <span className="font-mono text-xs">
                    {r.employeeNos.slice(0, 10).join(", ")}
                    {r.employeeNos.length > 10 ? " …" : ""}
                  </span>
                </span>
              ) : null}
              {r.orgUnits?.length ? (
                <span>
                  {t("orgUnits")}:{" "}
                  <span className="font-mono text-xs">
                    {r.orgUnits
                      .map((u) => `${u.code}${u.includeDescendants === false ? "" : "/*"}`)
                      .join(", ")}
                  </span>
                </span>
              ) : null}
              {audience.unknownEmployeeNos?.length ? (
                <span className="text-destructive">
                  {t("unknownEmployeeNos", { list: audience.unknownEmployeeNos.join(", ") })}
                </span>
              ) : null}
              {audience.unknownOrgUnits?.length ? (
                <span className="text-destructive">
                  {t("unknownOrgUnits", { list: audience.unknownOrgUnits.join(", ") })}
                </span>
              ) : null}
            </dd>
            <dt className="text-muted-foreground">{t("recipients")}</dt>
            <dd className="tabular-nums">{n.recipientCount}</dd>
          </dl>
          <div className="flex flex-col gap-3">
            <div className="rounded-md border bg-muted/30 p-3 text-sm">
              <p className="whitespace-pre-wrap break-words">{n.body}</p>
              {n.link ? (
                <a
                  href={n.link}
                  className="mt-2 block break-all text-xs text-primary hover:underline"
                  rel="noreferrer noopener"
                  target="_blank"
                >
                  {n.link}
                </a>
              ) : null}
            </div>
            <OutcomeBar
              counts={n.counts}
              className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
            />
            <nav aria-label={t("outcomeFilter")} className="grid grid-cols-3 gap-2 sm:grid-cols-6">
              <Link
                href={href(id)}
                aria-current={!filter.status ? "true" : undefined}
                className={cn(
                  "rounded-md border p-2 text-center hover:bg-accent",
                  !filter.status && "border-primary",
                )}
              >
                <span className="block text-xs text-muted-foreground">{t("all")}</span>
                <span className="text-lg font-semibold tabular-nums">{total}</span>
              </Link>
              {OUTCOMES.map((o) => (
                <Link
                  key={o.status}
                  href={href(id, o.status)}
                  aria-current={filter.status === o.status ? "true" : undefined}
                  className={cn(
                    "rounded-md border p-2 text-center hover:bg-accent",
                    filter.status === o.status && "border-primary",
                  )}
                  data-testid={`count-${o.status}`}
                >
                  <span className="flex items-center justify-center gap-1 text-xs text-muted-foreground">
                    <span
                      className="inline-block size-2 rounded-sm"
                      style={{ background: o.color }}
                    />
                    {tOut(o.status)}
                  </span>
                  <span className="text-lg font-semibold tabular-nums">{n.counts[o.status]}</span>
                </Link>
              ))}
            </nav>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            {filter.status
              ? t("deliveriesFiltered", { status: tOut(filter.status) })
              : t("deliveries")}
          </CardTitle>
        </CardHeader>
        <CardContent className="p-0">
          {deliveries.items.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<Users />} title={t("noDeliveries")}>
                {ACTIVE_NOTIFICATION_STATUSES.includes(n.status) ? t("noDeliveriesYet") : null}
              </EmptyState>
            </div>
          ) : (
            <Table aria-label={t("deliveries")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("employee")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("reason")}</TableHead>
                  <TableHead>{t("deferredUntil")}</TableHead>
                  <TableHead>{t("imMessageId")}</TableHead>
                  <TableHead>{t("error")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deliveries.items.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className="whitespace-nowrap">
                      {en && d.employeeNameEn ? d.employeeNameEn : d.employeeName}{" "}
                      <span className="font-mono text-xs text-muted-foreground">
                        {d.employeeNo}
                      </span>
                      <div className="text-xs text-muted-foreground">{d.timeZone}</div>
                    </TableCell>
                    <TableCell>
                      <DeliveryStatusBadge status={d.status} />
                      {d.attempts > 1 ? (
                        <div className="text-xs text-muted-foreground">
                          {t("attempts", { n: d.attempts })}
                        </div>
                      ) : null}
                    </TableCell>
                    <TableCell className="max-w-96 text-xs">
                      <ReasonText reason={d.reasonText} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {d.deferredUntil ? (
                        <>
                          {when(d.deferredUntil, d.timeZone)}{" "}
                          <span className="text-muted-foreground">({d.timeZone})</span>
                          <div className="text-muted-foreground">
                            {when(d.deferredUntil, "UTC")} UTC
                          </div>
                        </>
                      ) : d.sentAt ? (
                        <span className="text-muted-foreground">
                          {t("sentAt", { when: when(d.sentAt) })}
                        </span>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="font-mono text-xs">{d.imMessageId ?? "—"}</TableCell>
                    <TableCell className="max-w-72 break-words text-xs text-destructive">
                      {d.error ?? ""}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {deliveries.pages > 1 ? (
        <Pagination
          page={deliveries.page}
          pages={deliveries.pages}
          params={{ status: filter.status }}
          labels={{
            prev: t("prev"),
            next: t("next"),
            of: t("pageOf", {
              page: deliveries.page,
              pages: deliveries.pages,
              total: deliveries.total,
            }),
          }}
        />
      ) : null}
    </div>
  );
}
