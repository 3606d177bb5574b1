import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
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
import { DELIVERY_STATUSES, type DeliveryFilter } from "@/lib/callbacks/callback-console-schemas";
import type { DeliveryPage } from "@/lib/callbacks/queries/list-deliveries";
import { callbackEventTypes } from "@/lib/callbacks/rules/event-catalogue";
import { DeliveryStatusBadge } from "./delivery-status-badge";

const selectClass = "h-9 rounded-md border bg-card px-2 text-sm";

export function deliveryLogHref(endpointId: string, filter: DeliveryFilter, page = filter.page) {
  const q = new URLSearchParams(
    Object.entries({
      status: filter.status,
      type: filter.type,
      range: filter.range,
      page: page > 1 ? String(page) : undefined,
    }).filter(([, v]) => v) as [string, string][],
  );
  return `/callbacks/${endpointId}?${q}`;
}

/** An endpoint's deliveries, filterable by status and event type (filters live in the URL). */
export async function DeliveryLog({
  endpointId,
  page,
  filter,
  live,
}: {
  endpointId: string;
  page: DeliveryPage;
  filter: DeliveryFilter;
  live: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("callbacks"), getFormatter()]);
  const now = new Date();
  return (
    <Card role="region" aria-labelledby="delivery-log-title">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle id="delivery-log-title">{t("log.title")}</CardTitle>
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {t("log.total", { count: page.total })}
          {live ? ` · ${t("log.live")}` : ""}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <form
          method="get"
          role="search"
          aria-label={t("log.filter")}
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="range" value={filter.range} />
          <div className="flex flex-col gap-1">
            <label htmlFor="log-status" className="text-xs font-medium text-muted-foreground">
              {t("log.status")}
            </label>
            <select
              id="log-status"
              name="status"
              defaultValue={filter.status ?? ""}
              className={selectClass}
            >
              <option value="">{t("log.any")}</option>
              {DELIVERY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="log-type" className="text-xs font-medium text-muted-foreground">
              {t("log.type")}
            </label>
            <select
              id="log-type"
              name="type"
              defaultValue={filter.type ?? ""}
              className={selectClass}
            >
              <option value="">{t("log.any")}</option>
              {callbackEventTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="outline">
            {t("log.filter")}
          </Button>
        </form>
        {page.rows.length === 0 ? (
          <EmptyState title={t("log.empty")}>{t("log.emptyHint")}</EmptyState>
        ) : (
          <Table aria-labelledby="delivery-log-title">
            <TableHeader>
              <TableRow>
                <TableHead>{t("log.status")}</TableHead>
                <TableHead>{t("log.event")}</TableHead>
                <TableHead className="text-right">{t("log.attempts")}</TableHead>
                <TableHead className="text-right">{t("log.code")}</TableHead>
                <TableHead className="text-right">{t("log.latency")}</TableHead>
                <TableHead>{t("log.time")}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <DeliveryStatusBadge status={d.status} label={t(`statuses.${d.status}`)} />
                    {d.status === "RETRYING" && d.nextAttemptAt ? (
                      <p className="mt-1 text-xs text-muted-foreground">
                        {t("log.nextAttempt", { when: format.relativeTime(d.nextAttemptAt, now) })}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{d.eventType}</code>
                    <p
                      className="max-w-64 truncate font-mono text-xs text-muted-foreground"
                      title={d.eventId}
                    >
                      {d.eventId}
                    </p>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{d.attemptCount}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {d.lastStatusCode ?? "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {d.latencyMs === null ? "—" : `${format.number(d.latencyMs)} ms`}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button asChild variant="ghost" size="sm">
                      <Link
                        href={`/callbacks/${endpointId}/deliveries/${d.id}`}
                        aria-label={t("log.openLabel", { eventId: d.eventId })}
                      >
                        {t("log.open")}
                      </Link>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {page.pages > 1 ? (
          <nav
            aria-label={t("log.page", { page: page.page, pages: page.pages })}
            className="flex items-center justify-end gap-2 text-sm"
          >
            <span className="text-muted-foreground">
              {t("log.page", { page: page.page, pages: page.pages })}
            </span>
            {page.page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={deliveryLogHref(endpointId, filter, page.page - 1)}>
                  {t("log.previous")}
                </Link>
              </Button>
            ) : null}
            {page.page < page.pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={deliveryLogHref(endpointId, filter, page.page + 1)}>
                  {t("log.next")}
                </Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
