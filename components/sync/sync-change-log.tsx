import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { SyncChangePage } from "@/lib/sync/queries/list-sync-changes";
import { CHANGE_STATUSES, type SyncChangeFilter } from "@/lib/sync/sync-run-schemas";

const STATUS_VARIANT = {
  PLANNED: "outline",
  APPLIED: "success",
  FAILED: "destructive",
  SKIPPED: "warning",
} as const;
const MAX_JSON = 160;

function compact(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  const text = JSON.stringify(value);
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON - 1)}…` : text;
}

/** One page of a run's changes with a GET filter form, so the URL keeps the view across refreshes. */
export function SyncChangeLog({
  runId,
  page,
  filter,
}: {
  runId: string;
  page: SyncChangePage;
  filter: SyncChangeFilter;
}) {
  const t = useTranslations("sync");
  const href = (n: number) => {
    const params = new URLSearchParams(
      Object.entries({ status: filter.status ?? "", op: filter.op ?? "", page: String(n) }).filter(
        ([, v]) => v,
      ),
    );
    return `/sync/${runId}?${params}`;
  };
  return (
    <Card role="region" aria-label={t("changesTitle")}>
      <CardHeader>
        <CardTitle>{t("changesTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 p-0">
        <form
          method="get"
          action={`/sync/${runId}`}
          className="flex flex-wrap items-end gap-3 px-6"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor="change-status" className="text-xs font-medium text-muted-foreground">
              {t("filterStatus")}
            </label>
            <select
              id="change-status"
              name="status"
              defaultValue={filter.status ?? ""}
              className="h-9 rounded-md border bg-card px-2 text-sm"
            >
              <option value="">{t("all")}</option>
              {CHANGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`changeStatuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="change-op" className="text-xs font-medium text-muted-foreground">
              {t("filterOp")}
            </label>
            <select
              id="change-op"
              name="op"
              defaultValue={filter.op ?? ""}
              className="h-9 rounded-md border bg-card px-2 text-sm"
            >
              <option value="">{t("all")}</option>
              {page.ops.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="outline">
            {t("applyFilter")}
          </Button>
          <span className="ml-auto text-xs text-muted-foreground" aria-live="polite">
            {t("pageOf", { page: page.page, pages: page.pages, total: page.total })}
          </span>
        </form>
        {page.rows.length === 0 ? (
          <p className="px-6 pb-6 text-sm text-muted-foreground">{t("noChanges")}</p>
        ) : (
          <Table aria-label={t("changesLabel")}>
            <TableHeader>
              <TableRow>
                <TableHead className="text-right">{t("seq")}</TableHead>
                <TableHead>{t("op")}</TableHead>
                <TableHead>{t("target")}</TableHead>
                <TableHead>{t("beforeAfter")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("errorCol")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="text-right tabular-nums text-xs">{c.seq}</TableCell>
                  <TableCell>
                    <code className="text-xs">{c.op}</code>
                  </TableCell>
                  <TableCell className="text-xs">
                    <span className="text-muted-foreground">{c.targetType}</span>{" "}
                    {c.targetType === "im_account" ? (
                      <Link
                        href={`/employees/${encodeURIComponent(c.targetKey)}`}
                        className="underline underline-offset-2"
                      >
                        {c.targetKey}
                      </Link>
                    ) : (
                      c.targetKey
                    )}
                  </TableCell>
                  <TableCell
                    className="max-w-md break-all font-mono text-[11px]"
                    title={`${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`}
                  >
                    {compact(c.before)} → {compact(c.after)}
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[c.status]}>
                      {t(`changeStatuses.${c.status}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-xs">
                    {c.errorCode || c.error ? (
                      <>
                        <code>{c.errorCode ?? "error"}</code> {c.error}
                      </>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {page.pages > 1 ? (
          <nav aria-label={t("changesLabel")} className="flex justify-end gap-2 px-6 pb-4">
            {page.page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={href(page.page - 1)}>{t("prev")}</Link>
              </Button>
            ) : null}
            {page.page < page.pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={href(page.page + 1)}>{t("next")}</Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
