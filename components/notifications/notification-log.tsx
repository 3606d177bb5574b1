"use client";
import { useQuery } from "@tanstack/react-query";
import { Inbox, Loader2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Pagination } from "@/components/data/pagination";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { NotificationPage } from "@/lib/notifications/queries/list-notifications";
import { emptyOutcomeCounts } from "@/lib/notifications/rules/outcome-counts";
import {
  ACTIVE_NOTIFICATION_STATUSES,
  NOTIFICATION_STATUSES,
  type NotificationListFilter,
} from "@/lib/notifications/console-schemas";
import { selectClass } from "@/components/ui/form-field";
import { OutcomeBar, OutcomeLegend, OUTCOMES } from "./outcome-bar";
import { NotificationStatusBadge } from "./status-badges";

type Props = {
  initial: NotificationPage;
  filter: NotificationListFilter;
  categories: { key: string; name: string }[];
};

const params = (f: NotificationListFilter) => ({
  category: f.category,
  status: f.status,
  from: f.from,
  to: f.to,
});

/** The log: filters in the URL, outcome bars per notification, polled fast while any is dispatching. */
export function NotificationLog({ initial, filter, categories }: Props) {
  const t = useTranslations("notifications.log");
  const tc = useTranslations("notifications.compose");
  const format = useFormatter();
  const query = new URLSearchParams(
    Object.entries({ ...params(filter), page: String(filter.page) }).filter(([, v]) => v) as [
      string,
      string,
    ][],
  );
  const { data, isFetching } = useQuery({
    queryKey: ["notification-log", query.toString()],
    queryFn: async (): Promise<NotificationPage> => {
      const res = await fetch(`/api/console/notifications?${query}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) =>
      q.state.data?.items.some((n) => ACTIVE_NOTIFICATION_STATUSES.includes(n.status))
        ? 2_000
        : 15_000,
  });
  const pageTotals = data.items.reduce((acc, n) => {
    for (const o of OUTCOMES) acc[o.status] += n.counts[o.status];
    return acc;
  }, emptyOutcomeCounts());
  const names = new Map(categories.map((c) => [c.key, c.name]));
  const filtered = !!(filter.category || filter.status || filter.from || filter.to);
  return (
    <div className="flex flex-col gap-4">
      <form
        method="get"
        action="/notifications/log"
        aria-label={t("filtersLabel")}
        className="flex flex-wrap items-end gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="log-category" className="text-xs font-medium text-muted-foreground">
            {t("category")}
          </label>
          <select
            id="log-category"
            name="category"
            defaultValue={filter.category ?? ""}
            className={selectClass}
          >
            <option value="">{t("anyCategory")}</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-status" className="text-xs font-medium text-muted-foreground">
            {t("status")}
          </label>
          <select
            id="log-status"
            name="status"
            defaultValue={filter.status ?? ""}
            className={selectClass}
          >
            <option value="">{t("anyStatus")}</option>
            {NOTIFICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statusOptions.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-from" className="text-xs font-medium text-muted-foreground">
            {t("from")}
          </label>
          <Input
            id="log-from"
            name="from"
            type="date"
            defaultValue={filter.from ?? ""}
            className="w-40"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="log-to" className="text-xs font-medium text-muted-foreground">
            {t("to")}
          </label>
          <Input
            id="log-to"
            name="to"
            type="date"
            defaultValue={filter.to ?? ""}
            className="w-40"
          />
        </div>
        <Button type="submit" variant="outline">
          {t("apply")}
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/notifications/log">{t("clear")}</Link>
          </Button>
        ) : null}
      </form>

      <Card>
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>{t("outcomesTitle")}</CardTitle>
          <span className="flex items-center text-xs text-muted-foreground" aria-live="polite">
            {isFetching ? <Loader2 className="mr-1 size-3 animate-spin" aria-hidden /> : null}
            {t("live")}
          </span>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <OutcomeBar
            counts={pageTotals}
            className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
          />
          <OutcomeLegend counts={pageTotals} />
        </CardContent>
      </Card>

      <Card>
        <CardContent className="p-0">
          {data.items.length === 0 ? (
            <div className="p-6">
              <EmptyState icon={<Inbox />} title={filtered ? t("emptyFiltered") : t("empty")}>
                {filtered ? (
                  t("emptyFilteredHint")
                ) : (
                  <>
                    {t("emptyHint")}{" "}
                    <Link
                      href="/notifications/compose"
                      className="text-primary underline underline-offset-4"
                    >
                      {tc("title")}
                    </Link>
                  </>
                )}
              </EmptyState>
            </div>
          ) : (
            <Table aria-label={t("tableLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("titleColumn")}</TableHead>
                  <TableHead>{t("category")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead className="text-right">{t("recipients")}</TableHead>
                  <TableHead>{t("outcomes")}</TableHead>
                  <TableHead>{t("requestedBy")}</TableHead>
                  <TableHead>{t("created")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((n) => (
                  <TableRow key={n.id}>
                    <TableCell className="max-w-72">
                      <Link
                        href={`/notifications/log/${n.id}`}
                        className="font-medium text-primary hover:underline"
                      >
                        {n.title}
                      </Link>
                    </TableCell>
                    <TableCell className="text-xs">
                      {names.get(n.categoryKey) ?? n.categoryKey}{" "}
                      <span className="text-muted-foreground">v{n.categoryVersion}</span>
                    </TableCell>
                    <TableCell>
                      <NotificationStatusBadge status={n.status} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{n.recipientCount}</TableCell>
                    <TableCell>
                      <div className="flex flex-col gap-1">
                        <OutcomeBar counts={n.counts} />
                        <span className="text-xs tabular-nums text-muted-foreground">
                          {t("countsLine", {
                            sent: n.counts.SENT,
                            deferred: n.counts.DEFERRED,
                            suppressed: n.counts.SUPPRESSED,
                            failed: n.counts.FAILED,
                          })}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="text-xs">{n.requestedByName}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {format.dateTime(new Date(n.createdAt), {
                        dateStyle: "short",
                        timeStyle: "medium",
                      })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {data.pages > 1 ? (
        <Pagination
          page={data.page}
          pages={data.pages}
          params={params(filter)}
          labels={{
            prev: t("prev"),
            next: t("next"),
            of: t("pageOf", { page: data.page, pages: data.pages, total: data.total }),
          }}
        />
      ) : null}
    </div>
  );
}
